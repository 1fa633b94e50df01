import {
  digestBody,
  localDateHour,
  type OutboxId,
  pendingEmail,
} from '../../core/notifications.js';
import type { Environment, UnitOfWork } from '../ports.js';
import type { NotificationSettings } from './mailer.js';

/** Most notifications one digest lists; the rest follow in the next day's digest. */
const digestLimit = 100;

/**
 * Once per local day (from `digestHour` in `digestTimeZone`), puts one email in the outbox for
 * each person who chose the digest and has unread notifications no digest carried yet. The
 * outbox key `digest:<person>:<date>` makes it once per person and day across instances and
 * reruns; the notifications it lists are marked in the same transaction.
 */
export async function sendDigests(
  uow: UnitOfWork,
  env: Environment,
  settings: NotificationSettings,
): Promise<number> {
  const now = env.now();
  const { date, hour } = localDateHour(now, settings.digestTimeZone);
  if (hour < settings.digestHour) return 0;
  let queued = 0;
  for (const personId of await uow.read.notifications.digestRecipients()) {
    const added = await uow.transaction(async (repos) => {
      const person = await repos.people.get(personId);
      if (!person?.active) return false;
      if ((await repos.notifications.getPreference(personId)) !== 'digest') return false;
      const items = await repos.notifications.undigested(personId, digestLimit);
      if (items.length === 0) return false;
      const key = `digest:${personId}:${date}`;
      const inserted = await repos.notifications.insertOutbox(
        pendingEmail(
          {
            id: env.newId() as OutboxId,
            dedupeKey: key,
            kind: 'digest',
            recipientId: personId,
            to: person.email,
            subject: `Charter: ${items.length} unread notification${items.length === 1 ? '' : 's'} (${date})`,
            body: digestBody(items, settings.publicUrl),
            link: '/notifications',
          },
          now,
        ),
      );
      if (inserted)
        await repos.notifications.markDigested(
          items.map((n) => n.id),
          key,
        );
      return inserted;
    });
    if (added) queued += 1;
  }
  return queued;
}
