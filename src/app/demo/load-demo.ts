import { systemActor } from '../../core/actor.js';
import type { OrgUnitId, PersonId } from '../../core/ids.js';
import { recordChange, type Ctx } from '../context.js';
import type { Environment, UnitOfWork } from '../ports.js';
import { hashPassword } from '../auth/secrets.js';
import { insertPerson } from '../people/create-person.js';
import { loadDemoPortfolio } from './load-demo-portfolio.js';
import { loadDemoSla } from './demo-tickets.js';
import { loadDemoOwnership } from './demo-ownership.js';
import { loadDemoCommitments } from './demo-commitments.js';
import { loadDemoAgreements } from './demo-agreements.js';
import { insertOrgUnit } from '../org-units/create-org-unit.js';
import { applyOrgUnitUpdate } from '../org-units/update-org-unit.js';
import { insertTeam } from '../teams/create-team.js';
import { demoAdmin, demoEmail, demoOrgUnits, demoPeople, demoTeams } from './demo-organisation.js';

export interface DemoOutcome {
  loaded: boolean;
  people: number;
  teams: number;
  orgUnits: number;
  services: number;
  dependencies: number;
}

/** Loads the demo retailer into an empty database, in one transaction; does nothing otherwise. */
export async function loadDemo(uow: UnitOfWork, env: Environment): Promise<DemoOutcome> {
  const existing = await uow.read.people.list({}, { limit: 1 });
  if (existing.items.length > 0)
    return { loaded: false, people: 0, teams: 0, orgUnits: 0, services: 0, dependencies: 0 };
  const passwordHash = await hashPassword(demoAdmin.password);
  return uow.transaction(async (repos) => {
    const adminId = env.newId() as PersonId;
    const ctx: Ctx = { actor: systemActor(adminId, 'Charter demo loader'), requestId: null, env };
    const now = env.now();
    const units = new Map<string, OrgUnitId>();
    for (const u of demoOrgUnits) {
      const unit = await insertOrgUnit(repos, ctx, {
        name: u.name,
        description: u.description,
        headId: null,
      });
      units.set(u.name, unit.id);
    }
    const people = new Map<string, PersonId>();
    for (const [name, title, seniority, managerName, unit] of demoPeople) {
      const person = await insertPerson(repos, ctx, {
        name,
        email: demoEmail(name),
        title,
        seniority,
        managerId: managerName ? (people.get(managerName) ?? null) : null,
        orgUnitId: unit ? (units.get(unit) ?? null) : null,
      });
      people.set(name, person.id);
    }
    await insertPerson(
      repos,
      { ...ctx, env: { ...env, newId: () => adminId } },
      {
        name: 'Charter Administrator',
        email: demoAdmin.email,
        title: 'Demo administrator account',
        seniority: 'staff',
        managerId: people.get('Dana Whitfield') ?? null,
      },
    );
    await repos.accounts.upsert(adminId, 'admin', passwordHash, now);
    await recordChange(repos.audit, ctx, {
      action: 'account.admin_created',
      entityType: 'person',
      entityId: adminId,
      after: { email: demoAdmin.email, role: 'admin' },
    });
    const heads: Record<string, string> = {
      'Retail & Marketplace': 'Sofia Lindqvist',
      'Supply Chain & Logistics': 'Julian Brandt',
      'Customer Service': 'Claire Dubois',
      Finance: 'Robert Achebe',
    };
    for (const [unit, head] of Object.entries(heads)) {
      await applyOrgUnitUpdate(repos, ctx, units.get(unit)!, 1, { headId: people.get(head)! });
    }
    for (const t of demoTeams) {
      await insertTeam(repos, ctx, {
        name: t.name,
        description: t.description,
        leadId: people.get(t.lead)!,
        memberIds: t.members.map((m) => people.get(m)!),
      });
    }
    const portfolio = await loadDemoPortfolio(repos, ctx);
    await loadDemoSla(repos, ctx);
    await loadDemoOwnership(repos, ctx, people);
    await loadDemoCommitments(repos, ctx, people);
    await loadDemoAgreements(repos, ctx, people);
    return {
      loaded: true,
      people: people.size + 1,
      teams: demoTeams.length,
      orgUnits: demoOrgUnits.length,
      ...portfolio,
    };
  });
}
