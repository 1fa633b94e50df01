import {
  absoluteLink,
  addMs,
  heldReason,
  messageIdFor,
  retryDelayMs,
  type OutboxEntry,
} from '../../core/notifications.js';
import type { Environment, UnitOfWork } from '../ports.js';
import type { Mailer, NotificationSettings } from './mailer.js';

export interface DispatchDeps {
  uow: UnitOfWork;
  env: Environment;
  /** Who claims rows (one id per running instance). */
  instanceId: string;
  /** null when no SMTP server is configured: due rows are then held, not sent. */
  mailer: Mailer | null;
  settings: NotificationSettings;
}

export interface DispatchOutcome {
  sent: number;
  retrying: number;
  failed: number;
  held: number;
}

const batchSize = 50;

const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Sends due outbox rows. Each row is first claimed by a conditional update (status `sending`,
 * `claimed_by`, `lease_until`) that only one instance wins; the claim counts the attempt. A
 * failure waits with exponential backoff and gives up after `maxAttempts`; a row left in
 * `sending` by a crashed instance is taken over once its lease expires.
 */
export async function dispatchOutbox(deps: DispatchDeps): Promise<DispatchOutcome> {
  const { uow, env, mailer, settings } = deps;
  const outcome: DispatchOutcome = { sent: 0, retrying: 0, failed: 0, held: 0 };
  if (!mailer) {
    outcome.held = await uow.read.notifications.holdPending(env.now(), heldReason);
    return outcome;
  }
  for (let round = 0; round < 20; round += 1) {
    const ids = await uow.read.notifications.dueOutbox(env.now(), batchSize);
    for (const id of ids) {
      const now = env.now();
      const won = await uow.read.notifications.claimOutbox(
        id,
        deps.instanceId,
        now,
        addMs(now, settings.sendLeaseMs),
      );
      if (!won) continue;
      const row = await uow.read.notifications.getOutbox(id);
      if (row) outcome[await sendOne(deps, mailer, row)] += 1;
    }
    if (ids.length < batchSize) break;
  }
  return outcome;
}

async function sendOne(
  { uow, env, instanceId, settings }: DispatchDeps,
  mailer: Mailer,
  row: OutboxEntry,
): Promise<'sent' | 'retrying' | 'failed'> {
  const messageId = row.messageId ?? messageIdFor(row.id, mailer.from);
  if (row.attempts > settings.maxAttempts) {
    // Taken over from a sender that stopped before recording its last attempt.
    await uow.read.notifications.finishOutbox(row.id, instanceId, {
      status: 'failed',
      at: env.now(),
      error: `gave up after ${settings.maxAttempts} attempts (the last sender stopped before recording the outcome)`,
      messageId,
    });
    return 'failed';
  }
  const link = absoluteLink(row.link, settings.publicUrl);
  try {
    const result = await mailer.send({
      to: row.to,
      subject: row.subject,
      text: link && row.kind === 'notification' ? `${row.body}\n\n${link}\n` : row.body,
      messageId,
    });
    await uow.read.notifications.finishOutbox(row.id, instanceId, {
      status: 'sent',
      at: env.now(),
      messageId: result.messageId || messageId,
      smtpResponse: result.response.slice(0, 2000),
    });
    return 'sent';
  } catch (error) {
    const at = env.now();
    if (row.attempts >= settings.maxAttempts) {
      await uow.read.notifications.finishOutbox(row.id, instanceId, {
        status: 'failed',
        at,
        error: errorText(error),
        messageId,
      });
      return 'failed';
    }
    await uow.read.notifications.finishOutbox(row.id, instanceId, {
      status: 'pending',
      at,
      error: errorText(error),
      nextAttemptAt: addMs(at, retryDelayMs(row.attempts, settings.retryBaseMs)),
      messageId,
    });
    return 'retrying';
  }
}
