import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import type {
  Commitment,
  CommitmentId,
  CommitmentSourceType,
  CommitmentStatus,
  DelivererType,
  RecipientType,
} from '../core/commitments.js';
import type { Instant, OrgUnitId, PersonId, TeamId } from '../core/ids.js';
import type { ServiceId } from '../core/services.js';
import type { CommitmentFilter, CommitmentsRepository, PageRequest } from '../app/ports.js';
import { containsPattern, keysetPage, likeInsensitive } from './pagination.js';
import type { CommitmentsTable, Database } from './schema.js';

const toCommitment = (r: Selectable<CommitmentsTable>): Commitment => ({
  id: r.id as CommitmentId,
  makerId: r.maker_id as PersonId,
  toType: r.to_type as RecipientType,
  toId: r.to_id as PersonId | TeamId | OrgUnitId,
  delivererType: r.deliverer_type as DelivererType,
  delivererId: r.deliverer_id as PersonId | TeamId,
  what: r.what,
  dueAt: r.due_at as Instant,
  serviceId: r.service_id as ServiceId | null,
  status: r.status as CommitmentStatus,
  acceptedAt: r.accepted_at as Instant | null,
  acceptedById: r.accepted_by as PersonId | null,
  rejectedAt: r.rejected_at as Instant | null,
  rejectedById: r.rejected_by as PersonId | null,
  rejectionReason: r.rejection_reason,
  doneAt: r.done_at as Instant | null,
  withdrawnAt: r.withdrawn_at as Instant | null,
  sourceType: r.source_type as CommitmentSourceType | null,
  sourceId: r.source_id,
  version: Number(r.version),
  createdAt: r.created_at as Instant,
  updatedAt: r.updated_at as Instant,
});

const sortColumns = {
  dueAt: 'commitments.due_at',
  createdAt: 'commitments.created_at',
  status: 'commitments.status',
};

type Eb = ExpressionBuilder<Database, 'commitments'>;

/** Made for oneself: the maker is the delivering person. */
const self = (eb: Eb): Expression<SqlBool> =>
  eb.and([
    eb('commitments.deliverer_type', '=', 'person'),
    eb('commitments.deliverer_id', '=', eb.ref('commitments.maker_id')),
  ]);

/** Open, not made for oneself, and not accepted: unbacked now (pending or rejected). */
const unbacked = (eb: Eb): Expression<SqlBool> =>
  eb.and([
    eb('commitments.status', '=', 'open'),
    eb('commitments.accepted_at', 'is', null),
    eb.not(self(eb)),
  ]);

export function commitmentsRepository(db: Kysely<Database>): CommitmentsRepository {
  const bump = (at: Instant) => ({
    version: (eb: ExpressionBuilder<Database, 'commitments'>) => eb('version', '+', 1),
    updated_at: at,
  });
  const changed = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) === 1;

  return {
    async get(id) {
      const row = await db
        .selectFrom('commitments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toCommitment(row) : null;
    },
    async list(filter: CommitmentFilter, page: PageRequest) {
      let q = db.selectFrom('commitments').selectAll();
      if (filter.q) {
        const p = containsPattern(filter.q);
        q = q.where(likeInsensitive('commitments.what', p));
      }
      if (filter.makerId) q = q.where('commitments.maker_id', '=', filter.makerId);
      if (filter.delivererId) q = q.where('commitments.deliverer_id', '=', filter.delivererId);
      if (filter.toId) q = q.where('commitments.to_id', '=', filter.toId);
      if (filter.serviceId) q = q.where('commitments.service_id', '=', filter.serviceId);
      if (filter.status) q = q.where('commitments.status', '=', filter.status);
      if (filter.dueBefore) q = q.where('commitments.due_at', '<', filter.dueBefore);
      if (filter.backing === 'unbacked') q = q.where(unbacked);
      if (filter.backing === 'backed') q = q.where((eb) => eb.not(unbacked(eb)));
      if (filter.awaitingPersonId) {
        const me = filter.awaitingPersonId;
        q = q
          .where('commitments.status', '=', 'open')
          .where('commitments.accepted_at', 'is', null)
          .where('commitments.rejected_at', 'is', null)
          .where((eb) => eb.not(self(eb)))
          .where((eb) =>
            eb.or([
              eb.and([
                eb('commitments.deliverer_type', '=', 'person'),
                eb('commitments.deliverer_id', '=', me),
              ]),
              eb.and([
                eb('commitments.deliverer_type', '=', 'team'),
                eb(
                  'commitments.deliverer_id',
                  'in',
                  eb.selectFrom('teams').select('teams.id').where('teams.lead_id', '=', me),
                ),
              ]),
            ]),
          );
      }
      return keysetPage(q, page, sortColumns, 'commitments.id', toCommitment);
    },
    async insert(c) {
      await db
        .insertInto('commitments')
        .values({
          id: c.id,
          maker_id: c.makerId,
          to_type: c.toType,
          to_id: c.toId,
          deliverer_type: c.delivererType,
          deliverer_id: c.delivererId,
          what: c.what,
          due_at: c.dueAt,
          service_id: c.serviceId,
          status: c.status,
          accepted_at: c.acceptedAt,
          accepted_by: c.acceptedById,
          rejected_at: c.rejectedAt,
          rejected_by: c.rejectedById,
          rejection_reason: c.rejectionReason,
          done_at: c.doneAt,
          withdrawn_at: c.withdrawnAt,
          source_type: c.sourceType,
          source_id: c.sourceId,
          version: c.version,
          created_at: c.createdAt,
          updated_at: c.updatedAt,
        })
        .execute();
    },
    async accept(id, by, at) {
      return changed(
        await db
          .updateTable('commitments')
          .set({ accepted_at: at, accepted_by: by, ...bump(at) })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .where('accepted_at', 'is', null)
          .where('rejected_at', 'is', null)
          .executeTakeFirst(),
      );
    },
    async reject(id, by, at, reason) {
      return changed(
        await db
          .updateTable('commitments')
          .set({ rejected_at: at, rejected_by: by, rejection_reason: reason, ...bump(at) })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .where('accepted_at', 'is', null)
          .where('rejected_at', 'is', null)
          .executeTakeFirst(),
      );
    },
    async close(id, status, at) {
      return changed(
        await db
          .updateTable('commitments')
          .set({
            status,
            ...(status === 'done' ? { done_at: at } : { withdrawn_at: at }),
            ...bump(at),
          })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .executeTakeFirst(),
      );
    },
    async amend(id, fields, expectedVersion, at) {
      return changed(
        await db
          .updateTable('commitments')
          .set({ what: fields.what, due_at: fields.dueAt, ...bump(at) })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .where('status', '=', 'open')
          .where('accepted_at', 'is', null)
          .where('rejected_at', 'is', null)
          .executeTakeFirst(),
      );
    },
    async unbackedCandidates(at) {
      const rows = await db
        .selectFrom('commitments')
        .selectAll()
        .where('created_at', '<=', at)
        .where((eb) => eb.or([eb('accepted_at', 'is', null), eb('accepted_at', '>', at)]))
        .where((eb) => eb.or([eb('done_at', 'is', null), eb('done_at', '>', at)]))
        .where((eb) => eb.or([eb('withdrawn_at', 'is', null), eb('withdrawn_at', '>', at)]))
        .where((eb) => eb.not(self(eb)))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toCommitment);
    },
  };
}
