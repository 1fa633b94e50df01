/**
 * Reading requirements: the list (filters, sort, pages) and one requirement with its
 * revisions, negotiation thread, options, names and what the caller may do now.
 */
import type {
  NegotiationEntry,
  Requirement,
  RequirementRevision,
  SlaOption,
} from '../../core/agreements/records.js';
import type { ServiceLevelTerms } from '../../core/agreements/terms.js';
import { invalid } from '../../core/errors.js';
import type { OrgUnitId, PersonId } from '../../core/ids.js';
import type { CalendarId } from '../../core/sla/targets.js';
import type { ServiceId } from '../../core/services.js';
import type {
  RequirementDetail,
  RequirementsQuery,
  RequirementSummary,
} from '../../contract/requirements.js';
import { parseSort, sortAndPage, type Ctx } from '../context.js';
import { isServiceLevelManager } from '../ownership/ownership-rules.js';
import type { Page, Repositories, UnitOfWork } from '../ports.js';
import { findService } from '../services/service-rules.js';
import {
  customerRepresentative,
  findRequirement,
  isOwnerOrDeputy,
  serviceOwnerOf,
} from './requirement-rules.js';

/** Looks names up once per request. */
function nameCache(repos: Repositories) {
  const memo = new Map<string, Promise<unknown>>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      memo.set(key, p);
    }
    return p;
  };
  return {
    person: (id: string) =>
      cached(`p:${id}`, async () => (await repos.people.get(id as PersonId))?.name ?? 'Unknown'),
    service: (id: string) =>
      cached(`s:${id}`, async (): Promise<[string, string]> => {
        const s = await repos.services.get(id as ServiceId);
        return [s?.name ?? 'Unknown service', s?.slug ?? ''];
      }),
    orgUnit: (id: string) =>
      cached(
        `o:${id}`,
        async () => (await repos.orgUnits.get(id as OrgUnitId))?.name ?? 'Unknown unit',
      ),
    calendar: (id: string) =>
      cached(
        `c:${id}`,
        async () => (await repos.calendars.get(id as CalendarId))?.name ?? 'Unknown calendar',
      ),
  };
}
type Names = ReturnType<typeof nameCache>;

async function summaryOf(
  repos: Repositories,
  names: Names,
  r: Requirement,
  current?: RequirementRevision,
  options?: SlaOption[],
): Promise<RequirementSummary> {
  const [[serviceName, serviceSlug], orgUnitName, createdByName, revision, opts] =
    await Promise.all([
      names.service(r.serviceId),
      names.orgUnit(r.orgUnitId),
      names.person(r.createdById),
      current ?? repos.requirements.revision(r.id, r.revision),
      options ?? repos.requirements.optionsOf(r.id),
    ]);
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    revision: r.revision,
    serviceId: r.serviceId,
    serviceName,
    serviceSlug,
    orgUnitId: r.orgUnitId,
    orgUnitName,
    createdById: r.createdById,
    createdByName,
    availabilityPercent: revision?.terms.availabilityPercent ?? null,
    proposedOptions: opts.filter((o) => o.status === 'proposed').length,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

const sameTerms = (a: ServiceLevelTerms | null, b: ServiceLevelTerms) =>
  a !== null && JSON.stringify(a) === JSON.stringify(b);

export const adoptionNotePrefix = 'adopted the counter-proposal of';

/** The revision made from a counter-proposal: the first later one adopting exactly its terms. */
function adoptedIn(e: NegotiationEntry, revisions: RequirementRevision[]): number | null {
  if (e.kind !== 'counter_proposal') return null;
  const r = revisions.find(
    (x) =>
      x.createdAt >= e.createdAt &&
      x.note.startsWith(adoptionNotePrefix) &&
      sameTerms(e.terms, x.terms),
  );
  return r?.revision ?? null;
}

/** One requirement as the caller sees it, inside a transaction or on the read repositories. */
export async function requirementDetail(
  repos: Repositories,
  ctx: Ctx,
  r: Requirement,
): Promise<RequirementDetail> {
  const now = ctx.env.now();
  const names = nameCache(repos);
  const [revisions, entries, options, rep, ownerId] = await Promise.all([
    repos.requirements.revisions(r.id),
    repos.requirements.entries(r.id),
    repos.requirements.optionsOf(r.id),
    customerRepresentative(repos, r, now),
    serviceOwnerOf(repos, r.serviceId, now),
  ]);
  const current = revisions.find((x) => x.revision === r.revision) ?? revisions.at(-1)!;
  const ref = async (id: PersonId) => ({ id, name: await names.person(id) });

  const actor = ctx.actor;
  const writes = actor.scope === 'write' && actor.role !== 'viewer';
  const open = r.status === 'open';
  const isRep = rep?.personId === actor.personId;
  const ownerSide = await isOwnerOrDeputy(repos, actor, r.serviceId, now);
  const mayComment =
    isRep ||
    ownerSide ||
    actor.role === 'admin' ||
    (await isServiceLevelManager(repos, actor.personId, now));

  const calendarIds = new Set<string>([
    ...revisions.map((x) => x.terms.calendarId),
    ...entries.flatMap((e) => (e.terms ? [e.terms.calendarId] : [])),
    ...options.map((o) => o.terms.calendarId),
  ]);

  return {
    ...(await summaryOf(repos, names, r, current, options)),
    current: await revisionView(current, ref),
    revisions: await Promise.all(revisions.map((x) => revisionView(x, ref))),
    entries: await Promise.all(
      entries.map(async (e) => ({
        id: e.id,
        revision: e.revision,
        author: await ref(e.authorId),
        kind: e.kind,
        body: e.body,
        terms: e.terms,
        adoptedInRevision: adoptedIn(e, revisions),
        createdAt: e.createdAt,
      })),
    ),
    options: await Promise.all(
      options.map(async (o) => ({
        id: o.id,
        requirementId: o.requirementId,
        revision: o.revision,
        outdated: o.revision !== r.revision,
        label: o.label,
        terms: o.terms,
        currency: o.currency,
        monthlyCostMinor: o.monthlyCostMinor,
        delivery: o.delivery,
        status: o.status,
        createdBy: await ref(o.createdById),
        createdAt: o.createdAt,
        updatedAt: o.updatedAt,
        version: o.version,
      })),
    ),
    customerRepresentative: rep ? await ref(rep.personId) : null,
    serviceOwner: ownerId ? await ref(ownerId) : null,
    calendars: await Promise.all(
      [...calendarIds].map(async (id) => ({ id, name: await names.calendar(id) })),
    ),
    can: {
      revise: writes && open && isRep,
      comment: writes && open && mayComment,
      propose: writes && open && ownerSide,
      choose:
        writes &&
        open &&
        isRep &&
        options.some((o) => o.status === 'proposed' && o.revision === r.revision),
      withdraw: writes && open && isRep,
    },
  };
}

async function revisionView(
  x: RequirementRevision,
  ref: (id: PersonId) => Promise<{ id: string; name: string }>,
) {
  return {
    revision: x.revision,
    terms: x.terms,
    businessValue: x.businessValue,
    justification: x.justification,
    author: await ref(x.authorId),
    note: x.note,
    createdAt: x.createdAt,
  };
}

/** Every signed-in person may read requirements: what the business asks for is no secret. */
export async function getRequirement(
  uow: UnitOfWork,
  ctx: Ctx,
  id: string,
): Promise<RequirementDetail> {
  return requirementDetail(uow.read, ctx, await findRequirement(uow.read, id));
}

/** At most this many requirements are filtered and sorted per request. */
const scanLimit = 5000;

export async function listRequirements(
  uow: UnitOfWork,
  ctx: Ctx,
  query: Omit<RequirementsQuery, 'format'>,
): Promise<Page<RequirementSummary>> {
  const repos = uow.read;
  const now = ctx.env.now();
  let serviceId: ServiceId | undefined;
  if (query.service) {
    try {
      serviceId = (await findService(repos, query.service)).id;
    } catch {
      throw invalid('service', `no service has the slug or id ${query.service}`);
    }
  }
  let items = await repos.requirements.list(
    {
      serviceId,
      orgUnitId: query.orgUnit as OrgUnitId | undefined,
      status: query.status,
      q: query.q,
    },
    scanLimit,
  );
  if (query.mine) {
    const roles = await repos.ownership.listRoles(
      { personId: ctx.actor.personId, activeAt: now },
      { limit: 1000 },
    );
    const repOf = new Set(
      roles.items
        .filter((x) => x.kind === 'customer_representative')
        .map((x) => `${x.scope.orgUnitId}/${x.scope.serviceId}`),
    );
    const ownerOf = new Set(
      roles.items
        .filter((x) => x.kind === 'service_owner' || x.kind === 'deputy')
        .map((x) => x.scope.serviceId),
    );
    items = items.filter(
      (x) => repOf.has(`${x.orgUnitId}/${x.serviceId}`) || ownerOf.has(x.serviceId),
    );
  }
  const names = nameCache(repos);
  const sort = parseSort(query.sort) ?? { field: 'createdAt', desc: true };
  const keyed = await Promise.all(
    items.map(async (r) => {
      const key =
        sort.field === 'service'
          ? (await names.service(r.serviceId))[0].toLowerCase()
          : sort.field === 'title'
            ? r.title.toLowerCase()
            : sort.field === 'status'
              ? r.status
              : sort.field === 'updatedAt'
                ? r.updatedAt
                : r.createdAt;
      return { r, key };
    }),
  );
  const page = sortAndPage(
    keyed,
    { key: (x) => x.key, tie: (a, b) => (a.r.id < b.r.id ? -1 : 1), desc: sort.desc },
    query,
  );
  return {
    items: await Promise.all(page.items.map(({ r }) => summaryOf(repos, names, r))),
    nextCursor: page.nextCursor,
  };
}
