import { invalid, notFound } from '../../core/errors.js';
import type { PersonId } from '../../core/ids.js';
import {
  defaultEmailPreference,
  type NotificationId,
  type OutboxId,
  pendingEmail,
} from '../../core/notifications.js';
import type { Ctx } from '../context.js';
import type { Repositories } from '../ports.js';

export interface Notice {
  /** What happened, stable across retries, e.g. `nomination:<id>:created`. At most 300 chars. */
  eventKey: string;
  recipientId: PersonId;
  subject: string;
  body: string;
  /** A path in the web UI (e.g. `/services/payments`) or an absolute URL. */
  link?: string | null;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Inside the caller's transaction; idempotent per (eventKey, recipientId): a second call for
 * the same event adds nothing. Writes the in-app notification and, when the recipient wants
 * email at once (the default), an outbox row the dispatcher sends. Digest readers get theirs
 * in the daily digest; `none` means in-app only. Inactive people get no email.
 */
export async function notify(repos: Repositories, ctx: Ctx, notice: Notice): Promise<void> {
  if (!notice.eventKey || notice.eventKey.length > 300)
    throw invalid('eventKey', 'must be 1 to 300 characters naming the event, e.g. nomination:<id>');
  const recipient = await repos.people.get(notice.recipientId);
  if (!recipient) throw notFound('The person to notify');
  const now = ctx.env.now();
  const id = ctx.env.newId() as NotificationId;
  const subject = clip(notice.subject.trim() || '(no subject)', 300);
  const link = notice.link ?? null;
  const inserted = await repos.notifications.insert({
    id,
    eventKey: notice.eventKey,
    recipientId: recipient.id,
    subject,
    body: notice.body,
    link,
    createdAt: now,
    readAt: null,
  });
  if (!inserted) return;
  if (!recipient.active) return;
  const preference =
    (await repos.notifications.getPreference(recipient.id)) ?? defaultEmailPreference;
  if (preference !== 'immediate') return;
  await repos.notifications.insertOutbox(
    pendingEmail(
      {
        id: ctx.env.newId() as OutboxId,
        dedupeKey: `notification:${id}`,
        kind: 'notification',
        recipientId: recipient.id,
        to: recipient.email,
        subject,
        body: notice.body,
        link,
      },
      now,
    ),
  );
}

/** Tells each of `recipients` once, never the actor themself, inside the caller's transaction. */
export async function notifyOthers(
  repos: Repositories,
  ctx: Ctx,
  recipients: (PersonId | null | undefined)[],
  notice: Omit<Notice, 'recipientId'>,
): Promise<void> {
  const seen = new Set<string>();
  for (const id of recipients) {
    if (!id || id === ctx.actor.personId || seen.has(id)) continue;
    seen.add(id);
    await notify(repos, ctx, { ...notice, recipientId: id });
  }
}
