import { randomUUID } from 'node:crypto';
import { createAdmin } from '../../src/app/auth/create-admin.js';
import { issueToken } from '../../src/app/auth/create-token.js';
import type { Repositories, UnitOfWork } from '../../src/app/ports.js';
import { progressBar } from '../../src/cli/progress.js';
import { systemActor } from '../../src/core/actor.js';
import type { Instant, OrgUnitId, PersonId, TeamId } from '../../src/core/ids.js';
import { seniorities, type Person } from '../../src/core/people.js';
import { systemEnvironment } from '../../src/server/environment.js';

export const PEOPLE = 10_000;
export const TEAMS = 50;
export const ORG_UNITS = 10;
const BATCH = 1_000;

/** `count` organisation units named `<prefix> 1`, `<prefix> 2`, …, inserted through the repository. */
export async function insertOrgUnits(
  repos: Repositories,
  count: number,
  prefix: string,
  now: Instant,
): Promise<OrgUnitId[]> {
  const ids: OrgUnitId[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID() as OrgUnitId;
    ids.push(id);
    await repos.orgUnits.insert({
      id,
      name: `${prefix} ${i + 1}`,
      description: null,
      headId: null,
      active: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
  return ids;
}

/** 10,000 people in a reporting tree, 10 org units, 50 teams of 200; all through repositories. */
export async function seed(uow: UnitOfWork): Promise<{ teamIds: TeamId[]; seconds: number }> {
  const started = performance.now();
  const now = systemEnvironment.now();
  const orgUnitIds: OrgUnitId[] = [];
  await uow.transaction(async (repos) => {
    orgUnitIds.push(...(await insertOrgUnits(repos, ORG_UNITS, 'Org unit', now)));
  });

  const first = [
    'Ada',
    'Bela',
    'Chen',
    'Dara',
    'Emil',
    'Fatou',
    'Goran',
    'Hana',
    'Ines',
    'Jonas',
    'Kofi',
    'Lena',
    'Mateo',
    'Nora',
    'Omar',
    'Priya',
  ];
  const last = [
    'Andersen',
    'Bauer',
    'Costa',
    'Diallo',
    'Eriksen',
    'Fischer',
    'Garcia',
    'Haddad',
    'Ivanova',
    'Jensen',
    'Kim',
    'Lopez',
    'Moreau',
    'Novak',
  ];
  const personIds: PersonId[] = [];
  const people = progressBar('people', PEOPLE);
  for (let start = 0; start < PEOPLE; start += BATCH) {
    await uow.transaction(async (repos) => {
      for (let i = start; i < Math.min(PEOPLE, start + BATCH); i++) {
        const id = randomUUID() as PersonId;
        personIds.push(id);
        // A tree eight wide: person i reports to person (i - 1) / 8, inserted earlier.
        const person: Omit<Person, 'role'> = {
          id,
          name: `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]} ${i}`,
          email: `person${i}@bench.example.org`,
          title: i === 0 ? 'Chief Executive' : `Engineer ${i % 7}`,
          seniority:
            seniorities[
              Math.min(seniorities.length - 1, Math.floor(Math.log(i + 1) / Math.log(8)))
            ]!,
          managerId: i === 0 ? null : personIds[Math.floor((i - 1) / 8)]!,
          orgUnitId: orgUnitIds[i % ORG_UNITS]!,
          active: true,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await repos.people.insert(person);
      }
    });
    people.update(Math.min(PEOPLE, start + BATCH));
  }
  people.done(`${PEOPLE} people`);

  const teamIds: TeamId[] = [];
  const teams = progressBar('teams', TEAMS);
  await uow.transaction(async (repos) => {
    for (let t = 0; t < TEAMS; t++) {
      const id = randomUUID() as TeamId;
      teamIds.push(id);
      // Members spread across the whole directory (every 50th person), so a team's page is
      // not simply the first rows of the name index.
      const memberIds = personIds.filter((_, i) => i % TEAMS === t);
      await repos.teams.insert({
        id,
        name: `Team ${t + 1}`,
        description: `Benchmark team ${t + 1}`,
        leadId: memberIds[0] ?? null,
        memberIds,
        active: true,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      teams.update(t + 1);
    }
  });
  teams.done(`${TEAMS} teams of ~${Math.round(PEOPLE / TEAMS)}`);
  return { teamIds, seconds: (performance.now() - started) / 1000 };
}

/** An admin account and a read token, exactly as `charter admin create` / `charter token create` make them. */
export async function credentials(uow: UnitOfWork): Promise<{ token: string; personId: PersonId }> {
  const { personId } = await createAdmin(uow, systemEnvironment, {
    email: 'bench-admin@bench.example.org',
    name: 'Bench Admin',
    password: randomUUID(),
  });
  const { token } = await uow.transaction((repos) =>
    issueToken(
      repos,
      {
        actor: systemActor(personId, 'Bench Admin (via bench)'),
        requestId: null,
        env: systemEnvironment,
      },
      personId,
      {
        name: 'bench',
        scope: 'read',
        expiresInDays: null,
      },
    ),
  );
  return { token, personId };
}
