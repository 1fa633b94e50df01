import type { Kysely, Selectable } from 'kysely';
import type { Instant, OrgUnitId, PersonId, TeamId } from '../core/ids.js';
import type {
  EndReason,
  Nomination,
  NominationId,
  NominationStatus,
  Practice,
  PracticeId,
  RoleAffirmation,
  RoleAssignment,
  RoleId,
  RoleKind,
  RoleScope,
} from '../core/ownership.js';
import type { ServiceId } from '../core/services.js';
import type { OwnershipRepository } from '../app/ports.js';
import { containsPattern, keysetPage, likeInsensitive } from './pagination.js';
import type {
  Database,
  NominationsTable,
  PracticesTable,
  RoleAffirmationsTable,
  RoleAssignmentsTable,
} from './schema.js';

const toPractice = (r: Selectable<PracticesTable>): Practice => ({
  id: r.id as PracticeId,
  key: r.key,
  name: r.name,
  active: Number(r.active) === 1,
  createdAt: r.created_at as Instant,
  version: Number(r.version),
});

const toScope = (r: {
  service_id: string | null;
  practice_id: string | null;
  org_unit_id: string | null;
  team_id: string | null;
}): RoleScope => ({
  serviceId: r.service_id as ServiceId | null,
  practiceId: r.practice_id as PracticeId | null,
  orgUnitId: r.org_unit_id as OrgUnitId | null,
  teamId: r.team_id as TeamId | null,
});

const scopeColumns = (s: RoleScope) => ({
  service_id: s.serviceId,
  practice_id: s.practiceId,
  org_unit_id: s.orgUnitId,
  team_id: s.teamId,
});

const toNomination = (r: Selectable<NominationsTable>): Nomination => ({
  id: r.id as NominationId,
  kind: r.kind as RoleKind,
  scope: toScope(r),
  nomineeId: r.nominee_id as PersonId,
  nominatedById: r.nominated_by_id as PersonId,
  message: r.message,
  createdAt: r.created_at as Instant,
  expiresAt: r.expires_at as Instant,
  status: r.status as NominationStatus,
  answeredAt: r.answered_at as Instant | null,
  declineReason: r.decline_reason,
  roleId: r.role_id as RoleId | null,
  termMonths: Number(r.term_months),
});

const toRole = (r: Selectable<RoleAssignmentsTable>): RoleAssignment => ({
  id: r.id as RoleId,
  kind: r.kind as RoleKind,
  scope: toScope(r),
  personId: r.person_id as PersonId,
  nominationId: r.nomination_id as NominationId,
  statement: r.statement,
  acceptedAt: r.accepted_at as Instant,
  termMonths: Number(r.term_months),
  termEndsAt: r.term_ends_at as Instant,
  endedAt: r.ended_at as Instant | null,
  endReason: r.end_reason as EndReason | null,
  endNote: r.end_note,
});

const toAffirmation = (r: Selectable<RoleAffirmationsTable>): RoleAffirmation => ({
  roleId: r.role_id as RoleId,
  at: r.at as Instant,
  termEndsAt: r.term_ends_at as Instant,
});

const nominationSort = {
  createdAt: 'nominations.created_at',
  expiresAt: 'nominations.expires_at',
  kind: 'nominations.kind',
  status: 'nominations.status',
};
const roleSort = {
  acceptedAt: 'role_assignments.accepted_at',
  termEndsAt: 'role_assignments.term_ends_at',
  kind: 'role_assignments.kind',
};

export function ownershipRepository(db: Kysely<Database>): OwnershipRepository {
  return {
    async getPractice(id) {
      const row = await db
        .selectFrom('practices')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toPractice(row) : null;
    },
    async getPracticeByKey(key) {
      const row = await db
        .selectFrom('practices')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? toPractice(row) : null;
    },
    async listPractices(filter) {
      let q = db.selectFrom('practices').selectAll();
      if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
      if (filter.q) q = q.where(likeInsensitive('practices.name', containsPattern(filter.q)));
      const rows = await q.orderBy('name').orderBy('id').execute();
      return rows.map(toPractice);
    },
    async insertPractice(p) {
      await db
        .insertInto('practices')
        .values({
          id: p.id,
          key: p.key,
          name: p.name,
          name_key: p.name.trim().toLowerCase(),
          active: p.active ? 1 : 0,
          version: p.version,
          created_at: p.createdAt,
          updated_at: p.createdAt,
        })
        .execute();
    },
    async updatePractice(id, fields, expectedVersion, at) {
      const result = await db
        .updateTable('practices')
        .set({
          name: fields.name,
          name_key: fields.name.trim().toLowerCase(),
          active: fields.active ? 1 : 0,
          version: expectedVersion + 1,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async getNomination(id) {
      const row = await db
        .selectFrom('nominations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toNomination(row) : null;
    },
    async openNomination(key) {
      const row = await db
        .selectFrom('nominations')
        .selectAll()
        .where('open_key', '=', key)
        .executeTakeFirst();
      return row ? toNomination(row) : null;
    },
    async insertNomination(n, openKey) {
      await db
        .insertInto('nominations')
        .values({
          id: n.id,
          kind: n.kind,
          ...scopeColumns(n.scope),
          open_key: n.status === 'pending' ? openKey : null,
          nominee_id: n.nomineeId,
          nominated_by_id: n.nominatedById,
          message: n.message,
          term_months: n.termMonths,
          created_at: n.createdAt,
          expires_at: n.expiresAt,
          status: n.status,
          answered_at: n.answeredAt,
          decline_reason: n.declineReason,
          role_id: n.roleId,
        })
        .execute();
    },
    async listNominations(filter, page) {
      let q = db.selectFrom('nominations').selectAll();
      if (filter.kind) q = q.where('kind', '=', filter.kind);
      if (filter.nomineeId) q = q.where('nominee_id', '=', filter.nomineeId);
      if (filter.nominatedById) q = q.where('nominated_by_id', '=', filter.nominatedById);
      if (filter.serviceId) q = q.where('service_id', '=', filter.serviceId);
      if (filter.practiceId) q = q.where('practice_id', '=', filter.practiceId);
      if (filter.status === 'expired' || filter.status === 'pending') {
        q = q.where('status', '=', 'pending');
        if (filter.now)
          q = q.where('expires_at', filter.status === 'expired' ? '<=' : '>', filter.now);
      } else if (filter.status) q = q.where('status', '=', filter.status);
      return keysetPage(q, page, nominationSort, 'nominations.id', toNomination);
    },
    async answerNomination(id, answer) {
      const result = await db
        .updateTable('nominations')
        .set({
          status: answer.status,
          answered_at: answer.answeredAt,
          decline_reason: answer.declineReason,
          role_id: answer.roleId,
          open_key: null,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async releaseNomination(id) {
      await db.updateTable('nominations').set({ open_key: null }).where('id', '=', id).execute();
    },

    async getRole(id) {
      const row = await db
        .selectFrom('role_assignments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRole(row) : null;
    },
    async heldRole(key) {
      const row = await db
        .selectFrom('role_assignments')
        .selectAll()
        .where('held_key', '=', key)
        .executeTakeFirst();
      return row ? toRole(row) : null;
    },
    async insertRole(r, heldKey) {
      await db
        .insertInto('role_assignments')
        .values({
          id: r.id,
          kind: r.kind,
          ...scopeColumns(r.scope),
          held_key: r.endedAt === null ? heldKey : null,
          person_id: r.personId,
          nomination_id: r.nominationId,
          statement: r.statement,
          accepted_at: r.acceptedAt,
          term_months: r.termMonths,
          term_ends_at: r.termEndsAt,
          ended_at: r.endedAt,
          end_reason: r.endReason,
          end_note: r.endNote,
        })
        .execute();
      await db
        .insertInto('role_affirmations')
        .values({ role_id: r.id, at: r.acceptedAt, term_ends_at: r.termEndsAt })
        .execute();
    },
    async listRoles(filter, page) {
      let q = db.selectFrom('role_assignments').selectAll();
      if (filter.kind) q = q.where('kind', '=', filter.kind);
      if (filter.personId) q = q.where('person_id', '=', filter.personId);
      if (filter.serviceId) q = q.where('service_id', '=', filter.serviceId);
      if (filter.practiceId) q = q.where('practice_id', '=', filter.practiceId);
      if (filter.held) q = q.where('ended_at', 'is', null);
      const at = filter.activeAt;
      if (at) {
        // Term ends only move forward, so "the latest affirmation at or before D runs past D"
        // is "some affirmation at or before D runs past D".
        q = q
          .where('accepted_at', '<=', at)
          .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', at)]))
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('role_affirmations')
                .select('role_affirmations.role_id')
                .whereRef('role_affirmations.role_id', '=', 'role_assignments.id')
                .where('role_affirmations.at', '<=', at)
                .where('role_affirmations.term_ends_at', '>', at),
            ),
          );
      }
      return keysetPage(q, page, roleSort, 'role_assignments.id', toRole);
    },
    async endRole(id, end) {
      const result = await db
        .updateTable('role_assignments')
        .set({
          ended_at: end.endedAt,
          end_reason: end.endReason,
          end_note: end.endNote,
          held_key: null,
        })
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async affirm(a) {
      await db
        .insertInto('role_affirmations')
        .values({ role_id: a.roleId, at: a.at, term_ends_at: a.termEndsAt })
        .execute();
      await db
        .updateTable('role_assignments')
        .set({ term_ends_at: a.termEndsAt })
        .where('id', '=', a.roleId)
        .execute();
    },
    async affirmationsOf(id) {
      const rows = await db
        .selectFrom('role_affirmations')
        .selectAll()
        .where('role_id', '=', id)
        .orderBy('at')
        .execute();
      return rows.map(toAffirmation);
    },
    async termsEndingBetween(from, to) {
      const rows = await db
        .selectFrom('role_assignments')
        .selectAll()
        .where('ended_at', 'is', null)
        .where('term_ends_at', '>=', from)
        .where('term_ends_at', '<', to)
        .orderBy('term_ends_at')
        .orderBy('id')
        .execute();
      return rows.map(toRole);
    },
    async history(asOf) {
      let n = db.selectFrom('nominations').selectAll();
      let r = db.selectFrom('role_assignments').selectAll();
      let a = db.selectFrom('role_affirmations').selectAll();
      if (asOf) {
        n = n.where('created_at', '<=', asOf);
        r = r.where('accepted_at', '<=', asOf);
        a = a.where('at', '<=', asOf);
      }
      const [nominations, roles, affirmations] = await Promise.all([
        n.orderBy('created_at').orderBy('id').execute(),
        r.orderBy('accepted_at').orderBy('id').execute(),
        a.orderBy('at').orderBy('role_id').execute(),
      ]);
      return {
        nominations: nominations.map(toNomination),
        roles: roles.map(toRole),
        affirmations: affirmations.map(toAffirmation),
      };
    },
  };
}
