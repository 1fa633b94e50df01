/**
 * The one list of background jobs. To add one: write it as a use case in `src/app/<area>/`,
 * then append `yourJob(deps)` to the array below. Effects inside a job must be idempotent
 * (unique keys, `claimOnce` from ./claim-once.ts).
 */
import { remindRenewals } from '../agreements/remind-renewals.js';
import { dispatchOutbox } from '../notifications/dispatch-outbox.js';
import type { Mailer, NotificationSettings } from '../notifications/mailer.js';
import { sendDigests } from '../notifications/send-digests.js';
import { remindRoles } from '../ownership/remind-roles.js';
import type { Environment, UnitOfWork } from '../ports.js';
import { escalateTickets } from '../sla/escalate.js';
import type { Job } from './job.js';

export interface JobDeps {
  uow: UnitOfWork;
  env: Environment;
  instanceId: string;
  mailer: Mailer | null;
  settings: NotificationSettings;
}

export function schedulerJobs(deps: JobDeps): Job[] {
  const escalationsFired = new Set<string>();
  return [
    {
      name: 'notifications.dispatch',
      everyMs: 5_000,
      run: async () => {
        await dispatchOutbox(deps);
      },
    },
    {
      name: 'notifications.digest',
      everyMs: 5 * 60_000,
      run: async () => {
        await sendDigests(deps.uow, deps.env, deps.settings);
      },
    },
    {
      name: 'ownership.reminders',
      everyMs: 60 * 60_000,
      run: async (now) => {
        await remindRoles(deps.uow, deps.env, now);
      },
    },
    {
      name: 'sla.escalations',
      everyMs: 60_000,
      leaseMs: 5 * 60_000,
      run: async (now) => {
        await escalateTickets(deps.uow, deps.env, now, { remembered: escalationsFired });
      },
    },
    {
      name: 'agreements.renewal_reminders',
      everyMs: 60 * 60_000,
      run: async (now) => {
        await remindRenewals(deps.uow, deps.env, now);
      },
    },
  ];
}
