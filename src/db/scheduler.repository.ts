import type { Kysely } from 'kysely';
import type { SchedulerRepository } from '../app/ports.js';
import type { Database } from './schema.js';

const affected = (r: { numUpdatedRows?: bigint; numInsertedOrUpdatedRows?: bigint | undefined }) =>
  Number(r.numUpdatedRows ?? r.numInsertedOrUpdatedRows ?? 0);

/** Leases are taken by conditional updates, so of several instances exactly one wins. */
export function schedulerRepository(db: Kysely<Database>): SchedulerRepository {
  return {
    async acquireLease(name, holder, now, leaseUntil, dueBefore) {
      await db
        .insertInto('scheduler_leases')
        .values({ name, holder: null, lease_until: '1970-01-01T00:00:00.000Z', last_run_at: null })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const result = await db
        .updateTable('scheduler_leases')
        .set({ holder, lease_until: leaseUntil })
        .where('name', '=', name)
        .where((eb) =>
          eb.or([
            eb('lease_until', '<=', now),
            eb('holder', 'is', null),
            eb('holder', '=', holder),
          ]),
        )
        .where((eb) => eb.or([eb('last_run_at', 'is', null), eb('last_run_at', '<=', dueBefore)]))
        .executeTakeFirst();
      return affected(result) === 1;
    },

    async renewLease(name, holder, leaseUntil) {
      const result = await db
        .updateTable('scheduler_leases')
        .set({ lease_until: leaseUntil })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .executeTakeFirst();
      return affected(result) === 1;
    },

    async releaseLease(name, holder, now, lastRunAt) {
      await db
        .updateTable('scheduler_leases')
        .set({ holder: null, lease_until: now, ...(lastRunAt ? { last_run_at: lastRunAt } : {}) })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute();
    },

    async claimOnce(key, at) {
      const result = await db
        .insertInto('once_ledger')
        .values({ key, claimed_at: at })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return affected(result) === 1;
    },
  };
}
