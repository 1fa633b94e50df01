import type { Kysely, Selectable } from 'kysely';
import type {
  AgreementContent,
  AgreementId,
  AgreementVersionId,
  OptionId,
  RequirementId,
} from '../core/agreements/content.js';
import type {
  AcknowledgementId,
  Agreement,
  AgreementVersion,
  OlaAcknowledgement,
  Signature,
  SignatureId,
  SigningParty,
  VersionStatus,
} from '../core/agreements/records.js';
import type { Instant, OrgUnitId, PersonId, TeamId } from '../core/ids.js';
import type { RoleId } from '../core/ownership.js';
import type { ServiceId } from '../core/services.js';
import type { AgreementsRepository } from '../app/agreements/agreements-port.js';
import type {
  AgreementsTable,
  AgreementSignaturesTable,
  AgreementVersionsTable,
  Database,
  OlaAcknowledgementsTable,
} from './schema.js';

const toAgreement = (r: Selectable<AgreementsTable>): Agreement => ({
  id: r.id as AgreementId,
  code: r.code,
  serviceId: r.service_id as ServiceId,
  orgUnitId: r.org_unit_id as OrgUnitId,
  requirementId: r.requirement_id as RequirementId | null,
  createdAt: r.created_at as Instant,
});

const toVersion = (r: Selectable<AgreementVersionsTable>): AgreementVersion => ({
  id: r.id as AgreementVersionId,
  agreementId: r.agreement_id as AgreementId,
  number: Number(r.number),
  status: r.status as VersionStatus,
  content: JSON.parse(r.content_json) as AgreementContent,
  contentHash: r.content_hash,
  optionId: r.option_id as OptionId | null,
  createdById: r.created_by as PersonId,
  changeNote: r.change_note,
  createdAt: r.created_at as Instant,
  activatedAt: r.activated_at as Instant | null,
  endedAt: r.ended_at as Instant | null,
});

const toSignature = (r: Selectable<AgreementSignaturesTable>): Signature => ({
  id: r.id as SignatureId,
  versionId: r.version_id as AgreementVersionId,
  party: r.party as SigningParty,
  personId: r.person_id as PersonId,
  roleId: r.role_id as RoleId,
  contentHash: r.content_hash,
  signedAt: r.signed_at as Instant,
});

const toAck = (r: Selectable<OlaAcknowledgementsTable>): OlaAcknowledgement => ({
  id: r.id as AcknowledgementId,
  versionId: r.version_id as AgreementVersionId,
  olaKey: r.ola_key,
  teamId: r.team_id as TeamId,
  personId: r.person_id as PersonId,
  roleId: r.role_id as RoleId,
  contentHash: r.content_hash,
  acknowledgedAt: r.acknowledged_at as Instant,
});

/** The unique keys a version holds in a status. */
const keysFor = (status: VersionStatus, agreementId: string) => ({
  pending_key: status === 'pending' ? agreementId : null,
  active_key: status === 'active' ? agreementId : null,
});

/** Large IN lists are split so neither dialect hits its parameter limit. */
async function chunked<T>(ids: readonly string[], read: (part: string[]) => Promise<T[]>) {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await read(ids.slice(i, i + 500))));
  return out;
}

export function agreementsRepository(db: Kysely<Database>): AgreementsRepository {
  const versions = () => db.selectFrom('agreement_versions').selectAll();
  return {
    async insert(a) {
      await db
        .insertInto('agreements')
        .values({
          id: a.id,
          code: a.code,
          service_id: a.serviceId,
          org_unit_id: a.orgUnitId,
          requirement_id: a.requirementId,
          created_at: a.createdAt,
        })
        .execute();
    },
    async get(id) {
      const row = await db
        .selectFrom('agreements')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toAgreement(row) : null;
    },
    async getByCode(code) {
      const row = await db
        .selectFrom('agreements')
        .selectAll()
        .where('code', '=', code.toUpperCase())
        .executeTakeFirst();
      return row ? toAgreement(row) : null;
    },
    async find(serviceId, orgUnitId) {
      const row = await db
        .selectFrom('agreements')
        .selectAll()
        .where('service_id', '=', serviceId)
        .where('org_unit_id', '=', orgUnitId)
        .executeTakeFirst();
      return row ? toAgreement(row) : null;
    },
    async list(filter, limit) {
      let q = db.selectFrom('agreements').selectAll();
      if (filter.serviceId) q = q.where('service_id', '=', filter.serviceId);
      if (filter.orgUnitId) q = q.where('org_unit_id', '=', filter.orgUnitId);
      const rows = await q.orderBy('code').limit(limit).execute();
      return rows.map(toAgreement);
    },
    async nextCode() {
      const row = await db
        .selectFrom('agreements')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      let n = Number(row.n) + 1;
      // Codes are never reused; skip any taken (e.g. imported) code.
      for (;;) {
        const code = `SLA-${String(n).padStart(4, '0')}`;
        const taken = await db
          .selectFrom('agreements')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirst();
        if (!taken) return code;
        n += 1;
      }
    },
    async insertVersion(v) {
      await db
        .insertInto('agreement_versions')
        .values({
          id: v.id,
          agreement_id: v.agreementId,
          number: v.number,
          status: v.status,
          ...keysFor(v.status, v.agreementId),
          content_json: JSON.stringify(v.content),
          content_hash: v.contentHash,
          option_id: v.optionId,
          created_by: v.createdById,
          change_note: v.changeNote,
          created_at: v.createdAt,
          activated_at: v.activatedAt,
          ended_at: v.endedAt,
          effective_from: v.content.effectiveFrom,
          expires_on: v.content.expiresOn,
        })
        .execute();
    },
    async getVersion(id) {
      const row = await versions().where('id', '=', id).executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async versionsOf(ids) {
      const rows = await chunked([...ids], (part) =>
        versions()
          .where('agreement_id', 'in', part)
          .orderBy('agreement_id')
          .orderBy('number')
          .execute(),
      );
      return rows.map(toVersion);
    },
    async moveVersion(id, from, to, at) {
      const row = await db
        .selectFrom('agreement_versions')
        .select('agreement_id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return false;
      const result = await db
        .updateTable('agreement_versions')
        .set({
          status: to,
          ...keysFor(to, row.agreement_id),
          ...(to === 'active' ? { activated_at: at } : {}),
          ...(to === 'superseded' || to === 'withdrawn' ? { ended_at: at } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async versionsInEffect(fromDate, toDate) {
      const rows = await versions()
        .where('activated_at', 'is not', null)
        .where('effective_from', '<', toDate)
        .where('expires_on', '>=', fromDate)
        .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', fromDate)]))
        .orderBy('agreement_id')
        .orderBy('number')
        .execute();
      return rows.map(toVersion);
    },
    async activeExpiring(fromDate, toDate) {
      const rows = await versions()
        .where('status', '=', 'active')
        .where('expires_on', '>=', fromDate)
        .where('expires_on', '<=', toDate)
        .orderBy('expires_on')
        .execute();
      return rows.map(toVersion);
    },
    async pendingVersions() {
      const rows = await versions().where('status', '=', 'pending').orderBy('created_at').execute();
      return rows.map(toVersion);
    },
    async insertSignature(s) {
      await db
        .insertInto('agreement_signatures')
        .values({
          id: s.id,
          version_id: s.versionId,
          party: s.party,
          person_id: s.personId,
          role_id: s.roleId,
          content_hash: s.contentHash,
          signed_at: s.signedAt,
        })
        .execute();
    },
    async signaturesOf(ids) {
      const rows = await chunked([...ids], (part) =>
        db
          .selectFrom('agreement_signatures')
          .selectAll()
          .where('version_id', 'in', part)
          .orderBy('signed_at')
          .execute(),
      );
      return rows.map(toSignature);
    },
    async insertAcknowledgement(a) {
      await db
        .insertInto('ola_acknowledgements')
        .values({
          id: a.id,
          version_id: a.versionId,
          ola_key: a.olaKey,
          team_id: a.teamId,
          person_id: a.personId,
          role_id: a.roleId,
          content_hash: a.contentHash,
          acknowledged_at: a.acknowledgedAt,
        })
        .execute();
    },
    async acknowledgementsOf(ids) {
      const rows = await chunked([...ids], (part) =>
        db
          .selectFrom('ola_acknowledgements')
          .selectAll()
          .where('version_id', 'in', part)
          .orderBy('acknowledged_at')
          .execute(),
      );
      return rows.map(toAck);
    },
  };
}
