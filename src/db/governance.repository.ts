import type { Kysely } from 'kysely';
import type {
  NominationFacts,
  RoleFacts,
  RoleKindName,
  RoleTerm,
} from '../core/commitment-index.js';
import type { Seniority } from '../core/people.js';
import type { GovernanceFacts, GovernanceRepository } from '../app/governance/governance-facts.js';
import type { Database } from './schema.js';

const ms = (iso: string): number => Date.parse(iso);
const msOrNull = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/**
 * The commitment index's facts, read in one pass per table: services with their live and
 * retirement dates and current org units, people (current seniority and manager), org units,
 * practices, every role with its terms (its affirmations; the stored term when it has none)
 * and every nomination. Nothing here is a counter: the index derives state from these dates.
 */
export function governanceRepository(db: Kysely<Database>): GovernanceRepository {
  return {
    async facts(): Promise<GovernanceFacts> {
      const [services, links, people, units, practices, roles, affirmations, nominations] =
        await Promise.all([
          db
            .selectFrom('services')
            .select(['id', 'slug', 'name', 'kind', 'lifecycle', 'tier', 'live_at', 'retired_at'])
            .orderBy('id')
            .execute(),
          db.selectFrom('service_org_units').select(['service_id', 'org_unit_id']).execute(),
          db
            .selectFrom('people')
            .select(['id', 'name', 'seniority', 'manager_id', 'org_unit_id', 'active'])
            .orderBy('id')
            .execute(),
          db.selectFrom('org_units').select(['id', 'name', 'head_id']).orderBy('id').execute(),
          db
            .selectFrom('practices')
            .select(['id', 'name', 'active', 'created_at'])
            .orderBy('id')
            .execute(),
          db
            .selectFrom('role_assignments')
            .select([
              'id',
              'kind',
              'service_id',
              'practice_id',
              'org_unit_id',
              'person_id',
              'accepted_at',
              'ended_at',
              'term_ends_at',
            ])
            .orderBy('accepted_at')
            .orderBy('id')
            .execute(),
          db
            .selectFrom('role_affirmations')
            .select(['role_id', 'at', 'term_ends_at'])
            .orderBy('role_id')
            .orderBy('at')
            .execute(),
          db
            .selectFrom('nominations')
            .select([
              'id',
              'kind',
              'service_id',
              'practice_id',
              'org_unit_id',
              'created_at',
              'expires_at',
              'status',
              'answered_at',
            ])
            .orderBy('created_at')
            .orderBy('id')
            .execute(),
        ]);

      const unitsOf = new Map<string, string[]>();
      for (const l of links) {
        const list = unitsOf.get(l.service_id);
        if (list) list.push(l.org_unit_id);
        else unitsOf.set(l.service_id, [l.org_unit_id]);
      }
      const termsOf = new Map<string, RoleTerm[]>();
      for (const a of affirmations) {
        const term = { at: ms(a.at), endsAt: ms(a.term_ends_at) };
        const list = termsOf.get(a.role_id);
        if (list) list.push(term);
        else termsOf.set(a.role_id, [term]);
      }

      return {
        inputs: {
          services: services.map((s) => ({
            id: s.id,
            tier: Number(s.tier),
            liveAt: msOrNull(s.live_at),
            retiredAt: msOrNull(s.retired_at),
            orgUnitIds: unitsOf.get(s.id) ?? [],
          })),
          people: people.map((p) => ({
            id: p.id,
            seniority: p.seniority as Seniority,
            managerId: p.manager_id,
            orgUnitId: p.org_unit_id,
            active: Number(p.active) === 1,
          })),
          orgUnits: units.map((u) => ({ id: u.id, headId: u.head_id })),
          practices: practices.map((p) => ({
            id: p.id,
            active: Number(p.active) === 1,
            createdAt: ms(p.created_at),
          })),
          roles: roles.map((r): RoleFacts => ({
            id: r.id,
            kind: r.kind as RoleKindName,
            serviceId: r.service_id,
            practiceId: r.practice_id,
            orgUnitId: r.org_unit_id,
            personId: r.person_id,
            acceptedAt: ms(r.accepted_at),
            endedAt: msOrNull(r.ended_at),
            terms: termsOf.get(r.id) ?? [{ at: ms(r.accepted_at), endsAt: ms(r.term_ends_at) }],
          })),
          nominations: nominations.map((n): NominationFacts => ({
            id: n.id,
            kind: n.kind as RoleKindName,
            serviceId: n.service_id,
            practiceId: n.practice_id,
            orgUnitId: n.org_unit_id,
            createdAt: ms(n.created_at),
            expiresAt: ms(n.expires_at),
            // An answered nomination without its time (never expected) stops at its creation.
            answeredAt: n.status === 'pending' ? null : ms(n.answered_at ?? n.created_at),
          })),
        },
        services: new Map(
          services.map((s) => [
            s.id,
            { slug: s.slug, name: s.name, kind: s.kind, lifecycle: s.lifecycle },
          ]),
        ),
        people: new Map(people.map((p) => [p.id, p.name])),
        orgUnits: new Map(units.map((u) => [u.id, u.name])),
        practices: new Map(practices.map((p) => [p.id, p.name])),
      };
    },
  };
}
