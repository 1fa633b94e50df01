import { invalid, notFound } from '../../core/errors.js';
import type { Instant, PersonId } from '../../core/ids.js';
import { normaliseEmail } from '../../core/people.js';
import type { NominationId, RoleId, RoleKind } from '../../core/ownership.js';
import type {
  Nomination,
  NominationsQuery,
  Practice,
  Role,
  RoleAffirmations,
  RolesQuery,
  ServiceRoles,
} from '../../contract/ownership.js';
import type { z } from 'zod';
import { parseSort, type Ctx } from '../context.js';
import type { Page, Repositories, UnitOfWork } from '../ports.js';
import { findService } from '../services/service-rules.js';
import {
  activeHolder,
  canEditService,
  findPractice,
  isServiceLevelManager,
  practiceScope,
  serviceScope,
  viewBuilder,
} from './ownership-rules.js';
import { statementFor } from './statement.js';

/** Views of nominations and roles with names resolved, for one request. */
export function views(repos: Repositories, now: Instant) {
  const build = viewBuilder(repos, now);
  return {
    ...build,
    nominationView: (n: Parameters<typeof build.nomination>[0]) =>
      build.nomination(n, async (x) => (await statementFor(repos, x, now)).statement),
  };
}

async function personByEmail(repos: Repositories, email: string | undefined, path: string) {
  if (!email) return undefined;
  const p = await repos.people.findByEmail(normaliseEmail(email));
  if (!p) throw invalid(path, `nobody has the email ${email}`);
  return p.id;
}

async function serviceIdOf(repos: Repositories, ref: string | undefined) {
  return ref ? (await findService(repos, ref)).id : undefined;
}
async function practiceIdOf(repos: Repositories, ref: string | undefined) {
  if (!ref) return undefined;
  const p = await findPractice(repos, ref);
  if (!p) throw invalid('practiceId', 'no practice has this id or key');
  return p.id;
}

export async function listPractices(
  uow: UnitOfWork,
  ctx: Ctx,
  query: { active?: boolean | undefined; q?: string | undefined },
): Promise<{ items: Practice[]; nextCursor: null }> {
  const repos = uow.read;
  const now = ctx.env.now();
  const v = viewBuilder(repos, now);
  const practices = await repos.ownership.listPractices(query);
  const items = await Promise.all(
    practices.map(async (p) => {
      const owner = await activeHolder(repos, 'process_owner', practiceScope(p.id), now);
      return {
        ...p,
        processOwner: owner
          ? {
              roleId: owner.id,
              personId: owner.personId,
              name: await v.personName(owner.personId),
              termEndsAt: owner.termEndsAt,
            }
          : null,
      };
    }),
  );
  return { items, nextCursor: null };
}

export async function getPractice(uow: UnitOfWork, ctx: Ctx, ref: string): Promise<Practice> {
  const p = await findPractice(uow.read, ref);
  if (!p) throw notFound('Practice');
  const all = await listPractices(uow, ctx, {});
  return all.items.find((x) => x.id === p.id)!;
}

export async function listNominations(
  uow: UnitOfWork,
  ctx: Ctx,
  query: Omit<z.output<typeof NominationsQuery>, 'format'>,
): Promise<Page<Nomination>> {
  const repos = uow.read;
  const now = ctx.env.now();
  const page = await repos.ownership.listNominations(
    {
      kind: query.kind,
      status: query.status,
      now,
      nomineeId:
        (query.nomineeId as PersonId | undefined) ??
        (await personByEmail(repos, query.nominee, 'nominee')),
      serviceId: await serviceIdOf(repos, query.serviceId),
      practiceId: await practiceIdOf(repos, query.practiceId),
    },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort ?? '-createdAt') },
  );
  const v = views(repos, now);
  return {
    items: await Promise.all(page.items.map(v.nominationView)),
    nextCursor: page.nextCursor,
  };
}

export async function getNomination(uow: UnitOfWork, ctx: Ctx, id: string): Promise<Nomination> {
  const n = await uow.read.ownership.getNomination(id as NominationId);
  if (!n) throw notFound('Nomination');
  return views(uow.read, ctx.env.now()).nominationView(n);
}

export async function listRoles(
  uow: UnitOfWork,
  ctx: Ctx,
  query: Omit<z.output<typeof RolesQuery>, 'format'>,
): Promise<Page<Role>> {
  const repos = uow.read;
  const page = await repos.ownership.listRoles(
    {
      kind: query.kind,
      personId:
        (query.personId as PersonId | undefined) ??
        (await personByEmail(repos, query.person, 'person')),
      serviceId: await serviceIdOf(repos, query.serviceId),
      practiceId: await practiceIdOf(repos, query.practiceId),
      held: query.held,
      activeAt: query.activeAt ? (new Date(query.activeAt).toISOString() as Instant) : undefined,
    },
    { limit: query.limit, cursor: query.cursor, sort: parseSort(query.sort ?? '-acceptedAt') },
  );
  const v = views(repos, ctx.env.now());
  return { items: await Promise.all(page.items.map(v.role)), nextCursor: page.nextCursor };
}

export async function getRole(uow: UnitOfWork, ctx: Ctx, id: string): Promise<Role> {
  const r = await uow.read.ownership.getRole(id as RoleId);
  if (!r) throw notFound('Role');
  return views(uow.read, ctx.env.now()).role(r);
}

/** A role's affirmations, oldest first: the acceptance, then each re-affirmation. */
export async function roleAffirmations(
  uow: UnitOfWork,
  _ctx: Ctx,
  id: string,
): Promise<RoleAffirmations> {
  const r = await uow.read.ownership.getRole(id as RoleId);
  if (!r) throw notFound('Role');
  const list = [...(await uow.read.ownership.affirmationsOf(r.id))].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
  );
  return {
    items: list.map((a, i) => ({
      at: a.at,
      termEndsAt: a.termEndsAt,
      kind: i === 0 ? ('accepted' as const) : ('reaffirmed' as const),
    })),
  };
}

/** Who holds what for one service now, and the nominations still open. */
export async function serviceRoles(uow: UnitOfWork, ctx: Ctx, ref: string): Promise<ServiceRoles> {
  const repos = uow.read;
  const service = await findService(repos, ref);
  const now = ctx.env.now();
  const held = await repos.ownership.listRoles(
    { serviceId: service.id, held: true },
    { limit: 500, sort: { field: 'acceptedAt', desc: false } },
  );
  const v = views(repos, now);
  const roles = await Promise.all(held.items.map(v.role));
  const active = (kind: RoleKind) => roles.filter((r) => r.kind === kind && r.state === 'active');
  const pending = await repos.ownership.listNominations(
    { serviceId: service.id, status: 'pending', now },
    { limit: 200, sort: { field: 'createdAt', desc: false } },
  );
  const owner = await activeHolder(repos, 'service_owner', serviceScope(service.id), now);
  return {
    owner: active('service_owner')[0] ?? null,
    deputies: active('deputy'),
    deliveryLeads: active('delivery_lead'),
    customerRepresentatives: active('customer_representative'),
    lapsed: roles.filter((r) => r.state === 'lapsed'),
    pendingNominations: await Promise.all(pending.items.map(v.nominationView)),
    canNominate:
      ctx.actor.scope === 'write' &&
      ctx.actor.role !== 'viewer' &&
      (ctx.actor.role === 'admin' ||
        owner?.personId === ctx.actor.personId ||
        (await isServiceLevelManager(repos, ctx.actor.personId, now))),
    canEdit:
      ctx.actor.scope === 'write' &&
      ctx.actor.role !== 'viewer' &&
      (await canEditService(repos, ctx.actor, service.id, now)),
  };
}
