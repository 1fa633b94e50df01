/**
 * What use cases need from storage. The db layer implements these with Kysely for both
 * dialects; use cases take only the repositories they use.
 */
import type { AuditEntry, UnhashedEntry } from '../core/audit-chain.js';
import type { Instant, OrgUnitId, PersonId, TeamId, TokenId } from '../core/ids.js';
import type { OrgUnit, Person, Role, Seniority, Team } from '../core/people.js';
import type {
  Dependency,
  DependencyId,
  Lifecycle,
  Service,
  ServiceId,
  ServiceKind,
  Tier,
} from '../core/services.js';

export interface Sort {
  field: string;
  desc: boolean;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
  sort?: Sort | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PersonFilter {
  q?: string | undefined;
  teamId?: TeamId | undefined;
  orgUnitId?: OrgUnitId | undefined;
  seniority?: Seniority | undefined;
  active?: boolean | undefined;
}

export type PersonFields = Omit<Person, 'id' | 'role' | 'version' | 'createdAt' | 'updatedAt'>;

export interface PeopleRepository {
  get(id: PersonId): Promise<Person | null>;
  getMany(ids: PersonId[]): Promise<Person[]>;
  findByEmail(email: string): Promise<Person | null>;
  managerOf(id: PersonId): Promise<PersonId | null>;
  list(filter: PersonFilter, page: PageRequest): Promise<Page<Person>>;
  insert(person: Omit<Person, 'role'>): Promise<void>;
  /** Writes when the stored version is `expectedVersion`; false when it is stale. */
  update(
    id: PersonId,
    fields: PersonFields,
    expectedVersion: number,
    at: Instant,
  ): Promise<boolean>;
}

export interface AccountsRepository {
  get(personId: PersonId): Promise<{ passwordHash: string | null; role: Role } | null>;
  upsert(personId: PersonId, role: Role, passwordHash: string | null, at: Instant): Promise<void>;
  setRole(personId: PersonId, role: Role | null, at: Instant): Promise<void>;
  setPassword(personId: PersonId, passwordHash: string, at: Instant): Promise<void>;
}

export interface SessionRecord {
  personId: PersonId;
  csrfToken: string;
  expiresAt: Instant;
  lastSeenAt: Instant;
}

export interface SessionsRepository {
  create(idHash: string, session: SessionRecord & { createdAt: Instant }): Promise<void>;
  get(idHash: string): Promise<SessionRecord | null>;
  touch(idHash: string, lastSeenAt: Instant, expiresAt: Instant): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForPerson(personId: PersonId, exceptIdHash?: string): Promise<void>;
}

export interface TokenRecord {
  id: TokenId;
  personId: PersonId;
  name: string;
  scope: 'read' | 'write';
  prefix: string;
  createdAt: Instant;
  expiresAt: Instant | null;
  lastUsedAt: Instant | null;
  revokedAt: Instant | null;
}

export interface TokensRepository {
  insert(token: TokenRecord, tokenHash: string): Promise<void>;
  findByHash(tokenHash: string): Promise<TokenRecord | null>;
  get(id: TokenId): Promise<TokenRecord | null>;
  listForPerson(personId: PersonId, page: PageRequest): Promise<Page<TokenRecord>>;
  markUsed(id: TokenId, at: Instant): Promise<void>;
  revoke(id: TokenId, at: Instant): Promise<void>;
}

export interface TeamFilter {
  q?: string | undefined;
  memberId?: PersonId | undefined;
  active?: boolean | undefined;
}
export type TeamFields = Pick<Team, 'name' | 'description' | 'leadId' | 'memberIds' | 'active'>;

export interface TeamsRepository {
  get(id: TeamId): Promise<Team | null>;
  findByName(name: string): Promise<Team | null>;
  list(filter: TeamFilter, page: PageRequest): Promise<Page<Team>>;
  insert(team: Team): Promise<void>;
  update(id: TeamId, fields: TeamFields, expectedVersion: number, at: Instant): Promise<boolean>;
}

export interface OrgUnitFilter {
  q?: string | undefined;
  active?: boolean | undefined;
}
export type OrgUnitFields = Pick<OrgUnit, 'name' | 'description' | 'headId' | 'active'>;

export interface OrgUnitsRepository {
  get(id: OrgUnitId): Promise<OrgUnit | null>;
  findByName(name: string): Promise<OrgUnit | null>;
  list(filter: OrgUnitFilter, page: PageRequest): Promise<Page<OrgUnit>>;
  insert(unit: OrgUnit): Promise<void>;
  update(
    id: OrgUnitId,
    fields: OrgUnitFields,
    expectedVersion: number,
    at: Instant,
  ): Promise<boolean>;
}

export interface AuditFilter {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: Instant | undefined;
  to?: Instant | undefined;
}

export interface AuditRepository {
  /** Appends entries to the chain; must run inside the transaction of the change itself. */
  append(entry: Omit<UnhashedEntry, 'seq' | 'prevHash'>): Promise<AuditEntry>;
  list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>>;
  /** Entries in seq order with seq > afterSeq. */
  scan(afterSeq: number, limit: number): Promise<AuditEntry[]>;
  head(): Promise<{ seq: number; hash: string }>;
}

export interface ServiceFilter {
  q?: string | undefined;
  kind?: ServiceKind | undefined;
  lifecycle?: Lifecycle | undefined;
  tier?: number | undefined;
  teamId?: TeamId | undefined;
  orgUnitId?: OrgUnitId | undefined;
  tag?: string | undefined;
  includeRetired?: boolean | undefined;
}

export type ServiceFields = Omit<Service, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** A service as other services see it in graphs and impact lists. */
export interface ServiceSummary {
  id: ServiceId;
  slug: string;
  name: string;
  kind: ServiceKind;
  lifecycle: Lifecycle;
  tier: Tier;
  teamId: TeamId | null;
  orgUnitIds: OrgUnitId[];
}

export interface ReachedService extends ServiceSummary {
  depth: number;
}

export interface ServicesRepository {
  get(id: ServiceId): Promise<Service | null>;
  getBySlug(slug: string): Promise<Service | null>;
  /** The service imported from `sourceRef` (e.g. `component:default/payments-api`). */
  getBySourceRef(sourceRef: string): Promise<Service | null>;
  /** Where the service was imported from, or null. */
  sourceRefOf(id: ServiceId): Promise<string | null>;
  setSourceRef(id: ServiceId, sourceRef: string | null): Promise<void>;
  list(filter: ServiceFilter, page: PageRequest): Promise<Page<Service>>;
  insert(service: Service): Promise<void>;
  update(
    id: ServiceId,
    fields: ServiceFields,
    expectedVersion: number,
    at: Instant,
  ): Promise<boolean>;
  /** Direct dependencies, both ways. */
  dependenciesOf(id: ServiceId): Promise<{ outgoing: Dependency[]; incoming: Dependency[] }>;
  getDependency(id: DependencyId): Promise<Dependency | null>;
  findDependency(fromId: ServiceId, toId: ServiceId): Promise<Dependency | null>;
  insertDependency(dependency: Dependency): Promise<void>;
  deleteDependency(id: DependencyId): Promise<void>;
  /**
   * Every service reachable from `id`: 'down' follows what it depends on, 'up' what depends on
   * it. Shortest depth; the service itself is not included.
   */
  reach(id: ServiceId, direction: 'down' | 'up'): Promise<ReachedService[]>;
  /** Serialises changes to the dependency graph (so two edges cannot close a cycle together). */
  lockGraph(): Promise<void>;
  /** The dependency edges among the given services. */
  edgesAmong(ids: ServiceId[]): Promise<Dependency[]>;
}

export interface Repositories {
  people: PeopleRepository;
  accounts: AccountsRepository;
  sessions: SessionsRepository;
  tokens: TokensRepository;
  teams: TeamsRepository;
  orgUnits: OrgUnitsRepository;
  audit: AuditRepository;
  services: ServicesRepository;
}

/** Runs `work` in one transaction: everything it writes, audit entries included, or nothing. */
export interface UnitOfWork {
  read: Repositories;
  /** Changes whenever any change that matters commits (the audit head sequence). */
  dataVersion(): Promise<number>;
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** Clock and randomness come from outside, so use cases stay testable. */
export interface Environment {
  now(): Instant;
  newId(): string;
}
