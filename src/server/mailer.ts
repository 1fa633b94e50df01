import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, NotificationSettings } from '../app/notifications/mailer.js';
import type { Config } from '../config.js';

/** A mailer over any nodemailer transport (SMTP in production; json/stream transports in tests). */
export function transportMailer(transport: Transporter, from: string): Mailer {
  return {
    from,
    async send(email) {
      const info = (await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: email.messageId,
      })) as { messageId?: string; response?: unknown };
      return {
        messageId: info.messageId ?? email.messageId,
        response: typeof info.response === 'string' ? info.response : 'accepted',
      };
    },
  };
}

/** The SMTP mailer the configuration names, or null when CHARTER_SMTP_URL is not set. */
export function configuredMailer(config: {
  CHARTER_SMTP_URL?: string | undefined;
  CHARTER_SMTP_FROM: string;
}): Mailer | null {
  if (!config.CHARTER_SMTP_URL) return null;
  return transportMailer(
    nodemailer.createTransport(config.CHARTER_SMTP_URL),
    config.CHARTER_SMTP_FROM,
  );
}

/** Delivery settings from the configuration. */
export function notificationSettings(config: Config): NotificationSettings {
  return {
    maxAttempts: config.CHARTER_EMAIL_MAX_ATTEMPTS,
    retryBaseMs: config.CHARTER_EMAIL_RETRY_SECONDS * 1000,
    sendLeaseMs: 120_000,
    digestHour: config.CHARTER_DIGEST_HOUR,
    digestTimeZone: config.CHARTER_DIGEST_TIME_ZONE,
    publicUrl: config.CHARTER_PUBLIC_URL ?? null,
  };
}
