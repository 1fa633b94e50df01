import { Temporal } from 'temporal-polyfill';
import type { Brand, Instant, PersonId } from './ids.js';

export type NotificationId = Brand<string, 'NotificationId'>;
export type OutboxId = Brand<string, 'OutboxId'>;

/** How a person wants notifications by email: at once, in one daily digest, or not at all. */
export const emailPreferences = ['immediate', 'digest', 'none'] as const;
export type EmailPreference = (typeof emailPreferences)[number];
export const defaultEmailPreference: EmailPreference = 'immediate';

export interface Notification {
  id: NotificationId;
  /** What happened, e.g. `nomination:<id>:created`; one notification per event and recipient. */
  eventKey: string;
  recipientId: PersonId;
  subject: string;
  body: string;
  /** A path in the web UI (e.g. `/services/payments`) or an absolute URL. */
  link: string | null;
  createdAt: Instant;
  readAt: Instant | null;
}

/**
 * pending: waiting to be sent (at nextAttemptAt); sending: claimed by one instance until
 * leaseUntil; sent; failed: gave up after the last attempt; held: not sent because no SMTP
 * server is configured (an admin can retry once one is).
 */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'held'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export const outboxKinds = ['notification', 'digest'] as const;
export type OutboxKind = (typeof outboxKinds)[number];

export interface OutboxEntry {
  id: OutboxId;
  /** Unique: `notification:<id>` or `digest:<person>:<date>`. */
  dedupeKey: string;
  kind: OutboxKind;
  recipientId: PersonId | null;
  to: string;
  subject: string;
  body: string;
  link: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Instant;
  claimedBy: string | null;
  leaseUntil: Instant | null;
  lastError: string | null;
  /** The Message-ID header sent (the same on every attempt). */
  messageId: string | null;
  smtpResponse: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  sentAt: Instant | null;
}

export const heldReason = 'not sent: SMTP not configured';

/** What a new email says and to whom; the rest of its outbox row starts the same for every email. */
export type NewEmail = Pick<
  OutboxEntry,
  'id' | 'dedupeKey' | 'kind' | 'recipientId' | 'to' | 'subject' | 'body' | 'link'
>;

/** An outbox row for a new email: pending, due at `now`, not yet attempted. */
export const pendingEmail = (email: NewEmail, now: Instant): OutboxEntry => ({
  ...email,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: now,
  claimedBy: null,
  leaseUntil: null,
  lastError: null,
  messageId: null,
  smtpResponse: null,
  createdAt: now,
  updatedAt: now,
  sentAt: null,
});

/** An instant `ms` milliseconds after `at`. */
export const addMs = (at: Instant, ms: number): Instant =>
  new Date(Date.parse(at) + ms).toISOString() as Instant;

/**
 * Delay before attempt `attempt + 1` after `attempt` failed attempts: base, 2×base, 4×base …,
 * capped at `maxMs`.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs = 6 * 60 * 60 * 1000): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}

/**
 * The Message-ID of an outbox row: stable across attempts, so a receiver that sees the same
 * message twice (a crash between sending and recording it) can drop the copy.
 */
export function messageIdFor(id: OutboxId, fromAddress: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(fromAddress)?.[1] ?? 'charter.invalid';
  return `<charter.${id}@${domain}>`;
}

/** The local calendar date and hour of an instant in a time zone (for the daily digest). */
export function localDateHour(at: Instant, timeZone: string): { date: string; hour: number } {
  const local = Temporal.Instant.from(at).toZonedDateTimeISO(timeZone);
  return { date: local.toPlainDate().toString(), hour: local.hour };
}

/** The plain-text body of a daily digest. */
export function digestBody(
  notifications: Pick<Notification, 'subject' | 'body' | 'link' | 'createdAt'>[],
  linkBase: string | null,
): string {
  const lines = [
    `You have ${notifications.length} unread notification${notifications.length === 1 ? '' : 's'} in Charter:`,
    '',
  ];
  for (const n of notifications) {
    lines.push(`• ${n.subject}`);
    if (n.body) lines.push(`  ${n.body.replace(/\n/g, '\n  ')}`);
    const link = absoluteLink(n.link, linkBase);
    if (link) lines.push(`  ${link}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** A link made absolute against the public URL when it is a path. */
export function absoluteLink(link: string | null, base: string | null): string | null {
  if (!link) return null;
  if (/^https?:\/\//.test(link) || !base) return link;
  return `${base.replace(/\/$/, '')}${link.startsWith('/') ? '' : '/'}${link}`;
}
