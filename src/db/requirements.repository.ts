import type { Kysely, Selectable } from 'kysely';
import type { OptionId, RequirementId } from '../core/agreements/content.js';
import type {
  BusinessValue,
  NegotiationEntry,
  NegotiationEntryId,
  NegotiationKind,
  OptionStatus,
  Requirement,
  RequirementRevision,
  RequirementStatus,
  SlaOption,
} from '../core/agreements/records.js';
import type { ServiceLevelTerms } from '../core/agreements/terms.js';
import type { Instant, OrgUnitId, PersonId } from '../core/ids.js';
import type { ServiceId } from '../core/services.js';
import type { RequirementsRepository } from '../app/requirements/requirements-port.js';
import { containsPattern, likeInsensitive } from './pagination.js';
import type {
  Database,
  SlNegotiationEntriesTable,
  SlOptionsTable,
  SlRequirementRevisionsTable,
  SlRequirementsTable,
} from './schema.js';

const toRequirement = (r: Selectable<SlRequirementsTable>): Requirement => ({
  id: r.id as RequirementId,
  serviceId: r.service_id as ServiceId,
  orgUnitId: r.org_unit_id as OrgUnitId,
  title: r.title,
  status: r.status as RequirementStatus,
  revision: Number(r.revision),
  createdById: r.created_by as PersonId,
  createdAt: r.created_at as Instant,
  updatedAt: r.updated_at as Instant,
  version: Number(r.version),
});

const toRevision = (r: Selectable<SlRequirementRevisionsTable>): RequirementRevision => {
  const body = JSON.parse(r.body_json) as {
    terms: ServiceLevelTerms;
    businessValue: BusinessValue;
    justification: string;
  };
  return {
    requirementId: r.requirement_id as RequirementId,
    revision: Number(r.revision),
    terms: body.terms,
    businessValue: body.businessValue,
    justification: body.justification,
    authorId: r.author_id as PersonId,
    note: r.note,
    createdAt: r.created_at as Instant,
  };
};

const revisionRow = (r: RequirementRevision) => ({
  requirement_id: r.requirementId,
  revision: r.revision,
  body_json: JSON.stringify({
    terms: r.terms,
    businessValue: r.businessValue,
    justification: r.justification,
  }),
  author_id: r.authorId,
  note: r.note,
  created_at: r.createdAt,
});

const toEntry = (r: Selectable<SlNegotiationEntriesTable>): NegotiationEntry => ({
  id: r.id as NegotiationEntryId,
  requirementId: r.requirement_id as RequirementId,
  revision: Number(r.revision),
  authorId: r.author_id as PersonId,
  kind: r.kind as NegotiationKind,
  body: r.body,
  terms: r.terms_json === null ? null : (JSON.parse(r.terms_json) as ServiceLevelTerms),
  createdAt: r.created_at as Instant,
});

const toOption = (r: Selectable<SlOptionsTable>): SlaOption => ({
  id: r.id as OptionId,
  requirementId: r.requirement_id as RequirementId,
  revision: Number(r.revision),
  label: r.label,
  terms: JSON.parse(r.terms_json) as ServiceLevelTerms,
  currency: r.currency,
  monthlyCostMinor: Number(r.monthly_cost_minor),
  delivery: r.delivery,
  status: r.status as OptionStatus,
  createdById: r.created_by as PersonId,
  createdAt: r.created_at as Instant,
  updatedAt: r.updated_at as Instant,
  version: Number(r.version),
});

export function requirementsRepository(db: Kysely<Database>): RequirementsRepository {
  return {
    async insert(r, first) {
      await db
        .insertInto('sl_requirements')
        .values({
          id: r.id,
          service_id: r.serviceId,
          org_unit_id: r.orgUnitId,
          title: r.title,
          status: r.status,
          revision: r.revision,
          created_by: r.createdById,
          created_at: r.createdAt,
          updated_at: r.updatedAt,
          version: r.version,
        })
        .execute();
      await db.insertInto('sl_requirement_revisions').values(revisionRow(first)).execute();
    },
    async get(id) {
      const row = await db
        .selectFrom('sl_requirements')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRequirement(row) : null;
    },
    async list(filter, limit) {
      let q = db.selectFrom('sl_requirements').selectAll();
      if (filter.serviceId) q = q.where('service_id', '=', filter.serviceId);
      if (filter.orgUnitId) q = q.where('org_unit_id', '=', filter.orgUnitId);
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.createdById) q = q.where('created_by', '=', filter.createdById);
      if (filter.q) q = q.where(likeInsensitive('title', containsPattern(filter.q)));
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRequirement);
    },
    async addRevision(revision, expectedVersion) {
      const result = await db
        .updateTable('sl_requirements')
        .set((eb) => ({
          revision: revision.revision,
          updated_at: revision.createdAt,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', revision.requirementId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await db.insertInto('sl_requirement_revisions').values(revisionRow(revision)).execute();
      return true;
    },
    async setStatus(id, status, expectedVersion, at) {
      const result = await db
        .updateTable('sl_requirements')
        .set((eb) => ({ status, updated_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async revisions(id) {
      const rows = await db
        .selectFrom('sl_requirement_revisions')
        .selectAll()
        .where('requirement_id', '=', id)
        .orderBy('revision')
        .execute();
      return rows.map(toRevision);
    },
    async revision(id, revision) {
      const row = await db
        .selectFrom('sl_requirement_revisions')
        .selectAll()
        .where('requirement_id', '=', id)
        .where('revision', '=', revision)
        .executeTakeFirst();
      return row ? toRevision(row) : null;
    },
    async insertEntry(e) {
      await db
        .insertInto('sl_negotiation_entries')
        .values({
          id: e.id,
          requirement_id: e.requirementId,
          revision: e.revision,
          author_id: e.authorId,
          kind: e.kind,
          body: e.body,
          terms_json: e.terms === null ? null : JSON.stringify(e.terms),
          created_at: e.createdAt,
        })
        .execute();
    },
    async entries(id) {
      const rows = await db
        .selectFrom('sl_negotiation_entries')
        .selectAll()
        .where('requirement_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toEntry);
    },
    async insertOption(o) {
      await db
        .insertInto('sl_options')
        .values({
          id: o.id,
          requirement_id: o.requirementId,
          revision: o.revision,
          label: o.label,
          terms_json: JSON.stringify(o.terms),
          currency: o.currency,
          monthly_cost_minor: o.monthlyCostMinor,
          delivery: o.delivery,
          status: o.status,
          created_by: o.createdById,
          created_at: o.createdAt,
          updated_at: o.updatedAt,
          version: o.version,
        })
        .execute();
    },
    async getOption(id) {
      const row = await db
        .selectFrom('sl_options')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toOption(row) : null;
    },
    async optionsOf(id) {
      const rows = await db
        .selectFrom('sl_options')
        .selectAll()
        .where('requirement_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toOption);
    },
    async setOptionStatus(id, status, expectedVersion, at) {
      const result = await db
        .updateTable('sl_options')
        .set((eb) => ({ status, updated_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
