import type { Kysely, Selectable } from 'kysely';
import type { Instant, PersonId, TokenId } from '../core/ids.js';
import type { Role } from '../core/people.js';
import type {
  AccountsRepository,
  SessionsRepository,
  TokenRecord,
  TokensRepository,
} from '../app/ports.js';
import { keysetPage } from './pagination.js';
import type { ApiTokensTable, Database } from './schema.js';

export function accountsRepository(db: Kysely<Database>): AccountsRepository {
  return {
    async get(personId) {
      const row = await db
        .selectFrom('accounts')
        .select(['password_hash', 'role'])
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row ? { passwordHash: row.password_hash, role: row.role as Role } : null;
    },
    async upsert(personId, role, passwordHash, at) {
      await db
        .insertInto('accounts')
        .values({
          person_id: personId,
          role,
          password_hash: passwordHash,
          created_at: at,
          password_changed_at: passwordHash ? at : null,
        })
        .onConflict((oc) =>
          oc
            .column('person_id')
            .doUpdateSet({ role, password_hash: passwordHash, password_changed_at: at }),
        )
        .execute();
    },
    async setRole(personId, role, at) {
      if (role === null) {
        await db.deleteFrom('accounts').where('person_id', '=', personId).execute();
        return;
      }
      await db
        .insertInto('accounts')
        .values({
          person_id: personId,
          role,
          password_hash: null,
          created_at: at,
          password_changed_at: null,
        })
        .onConflict((oc) => oc.column('person_id').doUpdateSet({ role }))
        .execute();
    },
    async setPassword(personId, passwordHash, at) {
      await db
        .updateTable('accounts')
        .set({ password_hash: passwordHash, password_changed_at: at })
        .where('person_id', '=', personId)
        .execute();
    },
  };
}

export function sessionsRepository(db: Kysely<Database>): SessionsRepository {
  return {
    async create(idHash, s) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: idHash,
          person_id: s.personId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          last_seen_at: s.lastSeenAt,
        })
        .execute();
    },
    async get(idHash) {
      const r = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      return r
        ? {
            personId: r.person_id as PersonId,
            csrfToken: r.csrf_token,
            expiresAt: r.expires_at as Instant,
            lastSeenAt: r.last_seen_at as Instant,
          }
        : null;
    },
    async touch(idHash, lastSeenAt, expiresAt) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async delete(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteForPerson(personId, exceptIdHash) {
      let q = db.deleteFrom('sessions').where('person_id', '=', personId);
      if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
      await q.execute();
    },
  };
}

const toToken = (r: Selectable<ApiTokensTable>): TokenRecord => ({
  id: r.id as TokenId,
  personId: r.person_id as PersonId,
  name: r.name,
  scope: r.scope as 'read' | 'write',
  prefix: r.prefix,
  createdAt: r.created_at as Instant,
  expiresAt: r.expires_at as Instant | null,
  lastUsedAt: r.last_used_at as Instant | null,
  revokedAt: r.revoked_at as Instant | null,
});

export function tokensRepository(db: Kysely<Database>): TokensRepository {
  return {
    async insert(t, tokenHash) {
      await db
        .insertInto('api_tokens')
        .values({
          id: t.id,
          person_id: t.personId,
          name: t.name,
          scope: t.scope,
          prefix: t.prefix,
          token_hash: tokenHash,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
    },
    async findByHash(tokenHash) {
      const r = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return r ? toToken(r) : null;
    },
    async get(id) {
      const r = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toToken(r) : null;
    },
    listForPerson(personId, page) {
      const q = db.selectFrom('api_tokens').selectAll().where('person_id', '=', personId);
      return keysetPage(
        q,
        page,
        { createdAt: 'api_tokens.created_at', name: 'api_tokens.name' },
        'api_tokens.id',
        toToken,
      );
    },
    async markUsed(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async revoke(id, at) {
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
