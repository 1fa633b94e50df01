/**
 * What use cases need from storage. The db layer implements these with Kysely for both
 * dialects; use cases take only the repositories they use.
 */
import type { AuditEntry, UnhashedEntry } from '../core/audit-chain.js';
import type {
  Impact as TicketImpact,
  Priority as TicketPriority,
  Ticket,
  TicketEvent,
  TicketId,
  TicketStatus,
  TicketType,
} from '../core/tickets.js';
import type { Commitment, CommitmentId, CommitmentStatus } from '../core/commitments.js';
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
} from '../core/ownership.js';
import type {
  CalendarId,
  Metric,
  Origin,
  Priority,
  ServiceLevelTarget,
  TargetFields,
  TargetId,
} from '../core/sla/targets.js';
import type { CalendarFields, CalendarRecord } from './calendars/calendar-record.js';
import type { AgreementsRepository } from './agreements/agreements-port.js';
import type { GovernanceRepository } from './governance/governance-facts.js';
import type { RequirementsRepository } from './requirements/requirements-port.js';
import type {
  EmailPreference,
  Notification,
  NotificationId,
  OutboxEntry,
  OutboxId,
  OutboxKind,
  OutboxStatus,
} from '../core/notifications.js';
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

export interface TicketFilter {
  q?: string | undefined;
  serviceId?: ServiceId | undefined;
  type?: TicketType | undefined;
  priority?: TicketPriority | undefined;
  impact?: TicketImpact | undefined;
  status?: TicketStatus | undefined;
  teamId?: TeamId | undefined;
  assigneeId?: PersonId | undefined;
  /** true: not resolved, closed or cancelled; false: one of those. */
  open?: boolean | undefined;
  createdFrom?: Instant | undefined;
  createdTo?: Instant | undefined;
}

/** A ticket as lists and pages show it: with its service's slug and name. */
export interface TicketView extends Ticket {
  serviceSlug: string | null;
  serviceName: string | null;
}

export type NewTicketEvent = Omit<TicketEvent, 'seq'>;

export interface TicketsRepository {
  /** The next number of a type (INC-000001, ...); serialises concurrent creates. */
  nextNumber(type: TicketType): Promise<string>;
  insert(ticket: Ticket, importHash: string | null): Promise<void>;
  get(id: TicketId): Promise<TicketView | null>;
  getByNumber(number: string): Promise<TicketView | null>;
  getByExternalRef(
    source: string,
    id: string,
  ): Promise<(TicketView & { importHash: string | null }) | null>;
  /** Open tickets whose external id starts with `prefix`, newest first. */
  findOpenByExternalPrefix(source: string, prefix: string): Promise<TicketView[]>;
  /** Writes the ticket's state when the stored version is `expectedVersion` (bumps it). */
  update(ticket: Ticket, expectedVersion: number): Promise<boolean>;
  /** Appends events after the last one; returns them with their sequence numbers. */
  appendEvents(id: TicketId, events: NewTicketEvent[]): Promise<TicketEvent[]>;
  /** A ticket's history in order (seq). */
  history(id: TicketId): Promise<TicketEvent[]>;
  /** Histories of many tickets at once (for timers over a list). */
  histories(ids: TicketId[]): Promise<Map<TicketId, TicketEvent[]>>;
  list(filter: TicketFilter, page: PageRequest): Promise<Page<TicketView>>;
  /** Histories of the service's incidents that ever had impact outage and began before `to`. */
  outageHistories(serviceId: ServiceId, to: Instant): Promise<TicketEvent[][]>;
  /**
   * What timers over many tickets need, lean: the tickets of these services created in
   * [createdFrom, createdTo), each with its status changes in order (creation included).
   */
  timerFactsOf(
    serviceIds: readonly ServiceId[],
    createdFrom: Instant,
    createdTo: Instant,
  ): Promise<TicketTimerFacts[]>;
  /**
   * By service, the histories of the services' incidents that ever had impact outage, began
   * before `to` and may have been down after `from` (not cancelled; still open, or resolved or
   * closed at or after `from`).
   */
  outageHistoriesOf(
    serviceIds: readonly ServiceId[],
    from: Instant,
    to: Instant,
  ): Promise<Map<ServiceId, TicketEvent[][]>>;
}

/** A ticket's facts for timers and attainment (see TicketsRepository.timerFactsOf). */
export interface TicketTimerFacts {
  id: TicketId;
  serviceId: ServiceId;
  priority: TicketPriority;
  status: TicketStatus;
  createdAt: Instant;
  firstResponseAt: Instant | null;
  changes: { at: Instant; status: TicketStatus }[];
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
  tickets: TicketsRepository;
  commitments: CommitmentsRepository;
  ownership: OwnershipRepository;
  governance: GovernanceRepository;
  calendars: CalendarsRepository;
  targets: TargetsRepository;
  notifications: NotificationsRepository;
  scheduler: SchedulerRepository;
  requirements: RequirementsRepository;
  agreements: AgreementsRepository;
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

export interface NominationFilter {
  kind?: RoleKind | undefined;
  /** Stored status; 'expired' is pending with expiresAt at or before `now`. */
  status?: NominationStatus | 'expired' | undefined;
  /** Needed with status pending/expired: the instant the expiry is judged at. */
  now?: Instant | undefined;
  nomineeId?: PersonId | undefined;
  nominatedById?: PersonId | undefined;
  serviceId?: ServiceId | undefined;
  practiceId?: PracticeId | undefined;
}

export interface RoleFilter {
  kind?: RoleKind | undefined;
  personId?: PersonId | undefined;
  serviceId?: ServiceId | undefined;
  practiceId?: PracticeId | undefined;
  /** Only roles not ended (held, active or lapsed). */
  held?: boolean | undefined;
  /** Only roles active at this instant (accepted, not ended, term running). */
  activeAt?: Instant | undefined;
}

/** Practices, nominations, role assignments and their append-only affirmations. */
export interface OwnershipRepository {
  getPractice(id: PracticeId): Promise<Practice | null>;
  getPracticeByKey(key: string): Promise<Practice | null>;
  listPractices(filter: {
    active?: boolean | undefined;
    q?: string | undefined;
  }): Promise<Practice[]>;
  insertPractice(practice: Practice): Promise<void>;
  /** Writes when the stored version is `expectedVersion`; false when it is stale. */
  updatePractice(
    id: PracticeId,
    fields: { name: string; active: boolean },
    expectedVersion: number,
    at: Instant,
  ): Promise<boolean>;

  getNomination(id: NominationId): Promise<Nomination | null>;
  /** The open (pending, possibly expired) nomination under a holder key, if any. */
  openNomination(holderKey: string): Promise<Nomination | null>;
  /** Inserts with `openKey` held while pending (unique: a second open one is a conflict). */
  insertNomination(nomination: Nomination, openKey: string): Promise<void>;
  listNominations(filter: NominationFilter, page: PageRequest): Promise<Page<Nomination>>;
  /**
   * Answers a nomination only if it is still pending (the two-tabs guard): sets status,
   * answeredAt, declineReason, roleId and releases the open key. False when it was not pending.
   */
  answerNomination(
    id: NominationId,
    answer: {
      status: 'accepted' | 'declined' | 'withdrawn';
      answeredAt: Instant;
      declineReason: string | null;
      roleId: RoleId | null;
    },
  ): Promise<boolean>;
  /** Releases the open key of an expired nomination (status stays pending, reported expired). */
  releaseNomination(id: NominationId): Promise<void>;

  getRole(id: RoleId): Promise<RoleAssignment | null>;
  /** The role held (not ended) under a holder key, if any. */
  heldRole(holderKey: string): Promise<RoleAssignment | null>;
  /** Inserts the role held under `heldKey`, with its first affirmation. */
  insertRole(role: RoleAssignment, heldKey: string): Promise<void>;
  listRoles(filter: RoleFilter, page: PageRequest): Promise<Page<RoleAssignment>>;
  /** Ends a role if not yet ended; false when it already was. */
  endRole(
    id: RoleId,
    end: { endedAt: Instant; endReason: EndReason; endNote: string | null },
  ): Promise<boolean>;
  /** Appends an affirmation and moves the role's termEndsAt to it. */
  affirm(affirmation: RoleAffirmation): Promise<void>;
  affirmationsOf(id: RoleId): Promise<RoleAffirmation[]>;
  /** Roles not ended whose term ends in [from, to) (for reminders and lapse notices). */
  termsEndingBetween(from: Instant, to: Instant): Promise<RoleAssignment[]>;

  /**
   * Everything as stored, for deriving state at past instants (the commitment index):
   * all nominations and roles created at or before `asOf` (all when omitted), and all their
   * affirmations at or before `asOf`. Later facts (an end after `asOf`) are included as stored;
   * evaluate with roleStateAt / nominationStateAt.
   */
  history(asOf?: Instant): Promise<{
    nominations: Nomination[];
    roles: RoleAssignment[];
    affirmations: RoleAffirmation[];
  }>;
}

export interface OutboxFilter {
  q?: string | undefined;
  status?: OutboxStatus | undefined;
  kind?: OutboxKind | undefined;
  recipientId?: PersonId | undefined;
}

/** In-app notifications, email preferences and the email outbox. */
export interface NotificationsRepository {
  /** Inserts unless (eventKey, recipientId) exists; false when it did. */
  insert(notification: Notification): Promise<boolean>;
  get(id: NotificationId): Promise<Notification | null>;
  list(
    recipientId: PersonId,
    filter: { unread?: boolean | undefined; q?: string | undefined },
    page: PageRequest,
  ): Promise<Page<Notification>>;
  unreadCount(recipientId: PersonId): Promise<number>;
  markRead(id: NotificationId, recipientId: PersonId, at: Instant): Promise<boolean>;
  markAllRead(recipientId: PersonId, at: Instant): Promise<number>;
  /** Unread notifications not yet carried by a digest, oldest first. */
  undigested(recipientId: PersonId, limit: number): Promise<Notification[]>;
  markDigested(ids: NotificationId[], digestKey: string): Promise<void>;
  /** People whose preference is `digest` and who have unread notifications not yet digested. */
  digestRecipients(): Promise<PersonId[]>;
  getPreference(personId: PersonId): Promise<EmailPreference | null>;
  setPreference(personId: PersonId, email: EmailPreference, at: Instant): Promise<void>;

  /** Inserts unless the dedupe key exists; false when it did. */
  insertOutbox(entry: OutboxEntry): Promise<boolean>;
  getOutbox(id: OutboxId): Promise<OutboxEntry | null>;
  listOutbox(filter: OutboxFilter, page: PageRequest): Promise<Page<OutboxEntry>>;
  /** Rows to try now: pending and due, or sending with an expired lease (a crashed sender). */
  dueOutbox(now: Instant, limit: number): Promise<OutboxId[]>;
  /**
   * Takes a due row for `holder` until `leaseUntil` and counts the attempt. A conditional
   * update: of several instances claiming the same row, exactly one gets true.
   */
  claimOutbox(id: OutboxId, holder: string, now: Instant, leaseUntil: Instant): Promise<boolean>;
  /** Records the outcome of a claimed row; false when the claim was lost meanwhile. */
  finishOutbox(
    id: OutboxId,
    holder: string,
    outcome:
      | { status: 'sent'; at: Instant; messageId: string; smtpResponse: string }
      | { status: 'pending'; at: Instant; error: string; nextAttemptAt: Instant; messageId: string }
      | { status: 'failed'; at: Instant; error: string; messageId: string | null },
  ): Promise<boolean>;
  /** Pending rows become held (no SMTP server configured); returns how many. */
  holdPending(at: Instant, reason: string): Promise<number>;
  /** A held or failed row goes back to pending with fresh attempts; false otherwise. */
  requeueOutbox(id: OutboxId, at: Instant): Promise<boolean>;
}

/** Scheduler leases (one runner per job at a time) and the once-only action ledger. */
export interface SchedulerRepository {
  /**
   * Takes the lease of job `name` for `holder` until `leaseUntil` when it is free (expired or
   * already ours) and the job last ran at or before `dueBefore`. Exactly one instance wins.
   */
  acquireLease(
    name: string,
    holder: string,
    now: Instant,
    leaseUntil: Instant,
    dueBefore: Instant,
  ): Promise<boolean>;
  renewLease(name: string, holder: string, leaseUntil: Instant): Promise<boolean>;
  /** Frees the lease; `lastRunAt` (when the run started) is recorded when given. */
  releaseLease(
    name: string,
    holder: string,
    now: Instant,
    lastRunAt: Instant | null,
  ): Promise<void>;
  /** True only for the first claim of `key` (inside the caller's transaction). */
  claimOnce(key: string, at: Instant): Promise<boolean>;
}

export interface CalendarFilter {
  q?: string | undefined;
  active?: boolean | undefined;
  timeZone?: string | undefined;
}

/** Business calendars (the built-in 24x7 one included; it is never updated). */
export interface CalendarsRepository {
  get(id: CalendarId): Promise<CalendarRecord | null>;
  getMany(ids: CalendarId[]): Promise<CalendarRecord[]>;
  findByName(name: string): Promise<CalendarRecord | null>;
  list(filter: CalendarFilter, page: PageRequest): Promise<Page<CalendarRecord>>;
  insert(calendar: CalendarRecord): Promise<void>;
  update(
    id: CalendarId,
    fields: CalendarFields,
    expectedVersion: number,
    at: Instant,
  ): Promise<boolean>;
}

export interface TargetFilter {
  /** A service's own targets; null: the defaults only. */
  serviceId?: ServiceId | null | undefined;
  priority?: Priority | undefined;
  metric?: Metric | undefined;
  origin?: Origin | undefined;
  calendarId?: CalendarId | undefined;
}

/** Service level targets, unique per (service or default) × priority × metric × origin. */
export interface TargetsRepository {
  get(id: TargetId): Promise<ServiceLevelTarget | null>;
  findByScope(
    fields: Pick<TargetFields, 'serviceId' | 'priority' | 'metric' | 'origin' | 'teamId'>,
  ): Promise<ServiceLevelTarget | null>;
  /** The service's own targets and the defaults (null: the defaults only). */
  forService(serviceId: ServiceId | null): Promise<ServiceLevelTarget[]>;
  list(filter: TargetFilter, page: PageRequest): Promise<Page<ServiceLevelTarget>>;
  countUsingCalendar(calendarId: CalendarId): Promise<number>;
  insert(target: ServiceLevelTarget): Promise<void>;
  update(
    id: TargetId,
    fields: TargetFields,
    expectedVersion: number,
    at: Instant,
  ): Promise<boolean>;
  delete(id: TargetId, expectedVersion: number): Promise<boolean>;
}

export interface CommitmentFilter {
  q?: string | undefined;
  makerId?: PersonId | undefined;
  /** The delivering person or team. */
  delivererId?: string | undefined;
  /** The person, team or organisation unit it is made to. */
  toId?: string | undefined;
  serviceId?: ServiceId | undefined;
  status?: CommitmentStatus | undefined;
  /** Backed now (made for oneself or accepted) or unbacked now (open and not accepted). */
  backing?: 'backed' | 'unbacked' | undefined;
  dueBefore?: Instant | undefined;
  /** Open, unanswered commitments this person must answer (theirs, or their team's as lead). */
  awaitingPersonId?: PersonId | undefined;
}

/** Commitments; every state change is a conditional update (false: not in the expected state). */
export interface CommitmentsRepository {
  get(id: CommitmentId): Promise<Commitment | null>;
  list(filter: CommitmentFilter, page: PageRequest): Promise<Page<Commitment>>;
  insert(commitment: Commitment): Promise<void>;
  /** Open and unanswered → accepted. */
  accept(id: CommitmentId, by: PersonId, at: Instant): Promise<boolean>;
  /** Open and unanswered → rejected with a reason. */
  reject(id: CommitmentId, by: PersonId, at: Instant, reason: string): Promise<boolean>;
  /** Open → done or withdrawn. */
  close(id: CommitmentId, status: 'done' | 'withdrawn', at: Instant): Promise<boolean>;
  /** Changes the terms of an open, unanswered commitment at `expectedVersion`. */
  amend(
    id: CommitmentId,
    fields: Pick<Commitment, 'what' | 'dueAt'>,
    expectedVersion: number,
    at: Instant,
  ): Promise<boolean>;
  /**
   * Commitments that may have been unbacked at `at`: made by then, neither done nor withdrawn
   * nor accepted by then, delivered by someone other than the maker.
   */
  unbackedCandidates(at: Instant): Promise<Commitment[]>;
}
