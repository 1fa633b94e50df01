import { addDays } from '../../core/ownership.js';
import type { CommitmentItem, MyCommitments } from '../../contract/ownership.js';
import type { Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { views } from './read-ownership.js';
import { unbackedCommitmentsIMade } from '../commitments/unbacked-i-made.js';
import { agreementCommitmentProviders } from '../agreements/my-agreement-commitments.js';

/**
 * One section of "My commitments". To add a section (unbacked commitments I made, SLAs to
 * sign, actions due ...), write a provider and append it to `commitmentProviders` below.
 */
export interface CommitmentProvider {
  key: string;
  title: string;
  items(repos: Repositories, ctx: Ctx): Promise<CommitmentItem[]>;
}

/** Roles are offered for re-affirmation this many days before their term ends. */
export const reaffirmWindowDays = 60;

const nominationsToAnswer: CommitmentProvider = {
  key: 'nominations_to_answer',
  title: 'Nominations to answer',
  async items(repos, ctx) {
    const now = ctx.env.now();
    const page = await repos.ownership.listNominations(
      { nomineeId: ctx.actor.personId, status: 'pending', now },
      { limit: 200, sort: { field: 'createdAt', desc: false } },
    );
    const v = views(repos, now);
    return Promise.all(
      page.items.map(async (n) => {
        const nomination = await v.nominationView(n);
        return {
          id: n.id,
          title: `${nomination.kind.replace(/_/g, ' ')} of ${nomination.scope.label}`,
          detail: `Nominated by ${nomination.nominatedBy.name}: ${n.message}`,
          due: n.expiresAt,
          link: `/nominations/${n.id}`,
          nomination,
        };
      }),
    );
  },
};

const rolesToReaffirm: CommitmentProvider = {
  key: 'roles_to_reaffirm',
  title: 'Roles to re-affirm',
  async items(repos, ctx) {
    const now = ctx.env.now();
    const page = await repos.ownership.listRoles(
      { personId: ctx.actor.personId, held: true },
      { limit: 500, sort: { field: 'termEndsAt', desc: false } },
    );
    const horizon = addDays(now, reaffirmWindowDays);
    const v = views(repos, now);
    const due = page.items.filter((r) => r.termEndsAt <= horizon);
    return Promise.all(
      due.map(async (r) => {
        const role = await v.role(r);
        return {
          id: r.id,
          title: `${role.kind.replace(/_/g, ' ')} of ${role.scope.label}`,
          detail:
            role.state === 'lapsed'
              ? `Lapsed on ${r.termEndsAt.slice(0, 10)}; re-affirm to hold it again`
              : `Term ends ${r.termEndsAt.slice(0, 10)}`,
          due: r.termEndsAt,
          link: `/roles/${r.id}`,
          role,
        };
      }),
    );
  },
};

const myRoles: CommitmentProvider = {
  key: 'my_roles',
  title: 'My roles',
  async items(repos, ctx) {
    const page = await repos.ownership.listRoles(
      { personId: ctx.actor.personId, held: true },
      { limit: 500, sort: { field: 'acceptedAt', desc: false } },
    );
    const v = views(repos, ctx.env.now());
    return Promise.all(
      page.items.map(async (r) => {
        const role = await v.role(r);
        return {
          id: r.id,
          title: `${role.kind.replace(/_/g, ' ')} of ${role.scope.label}`,
          detail: `Accepted ${r.acceptedAt.slice(0, 10)}; term ends ${r.termEndsAt.slice(0, 10)}`,
          due: r.termEndsAt,
          link: `/roles/${r.id}`,
          role,
        };
      }),
    );
  },
};

/** The sections, in display order. Append providers here. */
export const commitmentProviders: CommitmentProvider[] = [
  nominationsToAnswer,
  rolesToReaffirm,
  myRoles,
  unbackedCommitmentsIMade,
  ...agreementCommitmentProviders,
];

export async function myCommitments(uow: UnitOfWork, ctx: Ctx): Promise<MyCommitments> {
  const sections = await Promise.all(
    commitmentProviders.map(async (p) => ({
      key: p.key,
      title: p.title,
      items: await p.items(uow.read, ctx),
    })),
  );
  return { sections };
}
