/** One email as the outbox hands it to a mail transport. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The stable Message-ID header of the outbox row, the same on every attempt. */
  messageId: string;
}

/** Sends email: SMTP in production, a capturing transport in tests. */
export interface Mailer {
  /** The From address, e.g. `Charter <charter@example.org>`. */
  from: string;
  send(email: OutgoingEmail): Promise<{ messageId: string; response: string }>;
}

/** Delivery settings from the configuration. */
export interface NotificationSettings {
  /** Attempts per email before it is marked failed. */
  maxAttempts: number;
  /** The first retry waits this long; each next one twice as long. */
  retryBaseMs: number;
  /** How long a sender holds a claimed row before another instance may take it over. */
  sendLeaseMs: number;
  /** Local hour (0–23) from which the daily digest is sent. */
  digestHour: number;
  digestTimeZone: string;
  /** Makes links in emails absolute, e.g. https://charter.example.org. */
  publicUrl: string | null;
}

export const defaultNotificationSettings: NotificationSettings = {
  maxAttempts: 5,
  retryBaseMs: 60_000,
  sendLeaseMs: 120_000,
  digestHour: 7,
  digestTimeZone: 'UTC',
  publicUrl: null,
};
