import type { Kysely, Selectable } from 'kysely';
import { seal, type AuditEntry } from '../core/audit-chain.js';
import type { AuditFilter, AuditRepository, PageRequest } from '../app/ports.js';
import { keysetPage } from './pagination.js';
import type { AuditLogTable, Database } from './schema.js';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  before: parse(r.before_json),
  after: parse(r.after_json),
  requestId: r.request_id,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function auditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async append(entry) {
      // Advancing the head first takes its row lock (PostgreSQL) so appends are serialised;
      // SQLite serialises writers anyway.
      await db
        .updateTable('audit_head')
        .set((eb) => ({ seq: eb('seq', '+', 1) }))
        .where('id', '=', 1)
        .execute();
      const head = await db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      const sealed = seal({ ...entry, seq: Number(head.seq), prevHash: head.hash });
      await db
        .insertInto('audit_log')
        .values({
          seq: sealed.seq,
          at: sealed.at,
          actor_id: sealed.actorId,
          actor_name: sealed.actorName,
          action: sealed.action,
          entity_type: sealed.entityType,
          entity_id: sealed.entityId,
          before_json:
            sealed.before === null || sealed.before === undefined
              ? null
              : JSON.stringify(sealed.before),
          after_json:
            sealed.after === null || sealed.after === undefined
              ? null
              : JSON.stringify(sealed.after),
          request_id: sealed.requestId,
          prev_hash: sealed.prevHash,
          hash: sealed.hash,
        })
        .execute();
      await db.updateTable('audit_head').set({ hash: sealed.hash }).where('id', '=', 1).execute();
      return sealed;
    },
    list(filter: AuditFilter, page: PageRequest) {
      let q = db.selectFrom('audit_log').selectAll();
      if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
      if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
      if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
      if (filter.action) q = q.where('action', '=', filter.action);
      if (filter.from) q = q.where('at', '>=', filter.from);
      if (filter.to) q = q.where('at', '<', filter.to);
      return keysetPage(q, page, { seq: 'audit_log.seq' }, 'audit_log.seq', toEntry);
    },
    async scan(afterSeq, limit) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toEntry);
    },
    async head() {
      const h = await db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return { seq: Number(h.seq), hash: h.hash };
    },
  };
}
