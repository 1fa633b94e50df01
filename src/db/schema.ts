/**
 * Table types for Kysely. Instants are ISO-8601 UTC strings and booleans are 0/1 integers in
 * both dialects, so the same queries and row mappers serve SQLite and PostgreSQL.
 */
export interface PeopleTable {
  id: string;
  name: string;
  email: string;
  title: string | null;
  seniority: string;
  manager_id: string | null;
  org_unit_id: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AccountsTable {
  person_id: string;
  password_hash: string | null;
  role: string;
  created_at: string;
  password_changed_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  person_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  person_id: string;
  name: string;
  scope: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface TeamsTable {
  id: string;
  name: string;
  name_key: string;
  description: string | null;
  lead_id: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  person_id: string;
}

export interface OrgUnitsTable {
  id: string;
  name: string;
  name_key: string;
  description: string | null;
  head_id: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1): the last sequence number and hash written; appends lock it. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ServicesTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  description: string | null;
  lifecycle: string;
  live_at: string | null;
  retired_at: string | null;
  tier: number;
  team_id: string | null;
  value_statement: string | null;
  monthly_cost_minor: number | string | null;
  currency: string | null;
  links_json: string;
  system: string | null;
  domain: string | null;
  /** Where the service was imported from (e.g. a Backstage entity reference); unique. */
  source_ref?: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ServiceOrgUnitsTable {
  service_id: string;
  org_unit_id: string;
}

export interface ServiceTagsTable {
  service_id: string;
  tag: string;
}

export interface ServiceDependenciesTable {
  id: string;
  from_id: string;
  to_id: string;
  type: string;
  note: string | null;
  created_at: string;
}

export interface GraphStateTable {
  id: number;
  version: number;
}

export interface NotificationsTable {
  id: string;
  event_key: string;
  recipient_id: string;
  subject: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  digest_key: string | null;
}

export interface NotificationPreferencesTable {
  person_id: string;
  email: string;
  updated_at: string;
}

export interface EmailOutboxTable {
  id: string;
  dedupe_key: string;
  kind: string;
  recipient_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  link: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  lease_until: string | null;
  last_error: string | null;
  message_id: string | null;
  smtp_response: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface SchedulerLeasesTable {
  name: string;
  holder: string | null;
  lease_until: string;
  last_run_at: string | null;
}

export interface OnceLedgerTable {
  key: string;
  claimed_at: string;
}

export interface CalendarsTable {
  id: string;
  name: string;
  name_key: string;
  description: string | null;
  time_zone: string;
  week_json: string;
  holidays_json: string;
  built_in: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ServiceLevelTargetsTable {
  id: string;
  service_id: string | null;
  priority: string;
  metric: string;
  origin: string;
  team_id: string | null;
  scope_key: string;
  business_seconds: number | null;
  working_days: number | null;
  end_of_working_day: number;
  calendar_id: string;
  pause_statuses_json: string;
  escalations_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PracticesTable {
  id: string;
  key: string;
  name: string;
  name_key: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Kind + scope columns shared by nominations and role assignments (unused ones are null). */
interface RoleScopeColumns {
  kind: string;
  service_id: string | null;
  practice_id: string | null;
  org_unit_id: string | null;
  team_id: string | null;
}

export interface NominationsTable extends RoleScopeColumns {
  id: string;
  /** The holder key while the nomination is open; null once answered (unique). */
  open_key: string | null;
  nominee_id: string;
  nominated_by_id: string;
  message: string;
  term_months: number;
  created_at: string;
  expires_at: string;
  status: string;
  answered_at: string | null;
  decline_reason: string | null;
  role_id: string | null;
}

export interface RoleAssignmentsTable extends RoleScopeColumns {
  id: string;
  /** The holder key while the role is held; null once ended (unique). */
  held_key: string | null;
  person_id: string;
  nomination_id: string;
  statement: string;
  accepted_at: string;
  term_months: number;
  term_ends_at: string;
  ended_at: string | null;
  end_reason: string | null;
  end_note: string | null;
}

/** Append-only. */
export interface RoleAffirmationsTable {
  role_id: string;
  at: string;
  term_ends_at: string;
}

export interface CommitmentsTable {
  id: string;
  maker_id: string;
  to_type: string;
  to_id: string;
  deliverer_type: string;
  deliverer_id: string;
  what: string;
  due_at: string;
  service_id: string | null;
  status: string;
  accepted_at: string | null;
  accepted_by: string | null;
  rejected_at: string | null;
  rejected_by: string | null;
  rejection_reason: string | null;
  done_at: string | null;
  withdrawn_at: string | null;
  source_type: string | null;
  source_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TicketCountersTable {
  prefix: string;
  value: number;
}

export interface TicketsTable {
  id: string;
  number: string;
  type: string;
  service_id: string | null;
  priority: string;
  impact: string;
  title: string;
  description: string | null;
  requester_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  status: string;
  created_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  external_source: string | null;
  external_id: string | null;
  import_hash: string | null;
  version: number;
  updated_at: string;
}

/** Append-only: one row per change of a ticket's status, team, assignee, priority or impact. */
export interface TicketEventsTable {
  ticket_id: string;
  seq: number;
  at: string;
  status: string;
  team_id: string | null;
  assignee_id: string | null;
  priority: string;
  impact: string;
  actor_id: string | null;
  note: string | null;
}

export interface SlRequirementsTable {
  id: string;
  service_id: string;
  org_unit_id: string;
  title: string;
  status: string;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Append-only: { terms, businessValue, justification } as JSON per revision. */
export interface SlRequirementRevisionsTable {
  requirement_id: string;
  revision: number;
  body_json: string;
  author_id: string;
  note: string;
  created_at: string;
}

/** Append-only. */
export interface SlNegotiationEntriesTable {
  id: string;
  requirement_id: string;
  revision: number;
  author_id: string;
  kind: string;
  body: string;
  terms_json: string | null;
  created_at: string;
}

export interface SlOptionsTable {
  id: string;
  requirement_id: string;
  revision: number;
  label: string;
  terms_json: string;
  currency: string;
  /** bigint: PostgreSQL returns it as a string. */
  monthly_cost_minor: number | string;
  delivery: string;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AgreementsTable {
  id: string;
  code: string;
  service_id: string;
  org_unit_id: string;
  requirement_id: string | null;
  created_at: string;
}

/** The content never changes once written; only status, keys and end/activation times do. */
export interface AgreementVersionsTable {
  id: string;
  agreement_id: string;
  number: number;
  status: string;
  pending_key: string | null;
  active_key: string | null;
  content_json: string;
  content_hash: string;
  option_id: string | null;
  created_by: string;
  change_note: string;
  created_at: string;
  activated_at: string | null;
  ended_at: string | null;
  effective_from: string;
  expires_on: string;
}

/** Append-only. */
export interface AgreementSignaturesTable {
  id: string;
  version_id: string;
  party: string;
  person_id: string;
  role_id: string;
  content_hash: string;
  signed_at: string;
}

/** Append-only. */
export interface OlaAcknowledgementsTable {
  id: string;
  version_id: string;
  ola_key: string;
  team_id: string;
  person_id: string;
  role_id: string;
  content_hash: string;
  acknowledged_at: string;
}

export interface Database {
  people: PeopleTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  org_units: OrgUnitsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  services: ServicesTable;
  graph_state: GraphStateTable;
  service_org_units: ServiceOrgUnitsTable;
  service_tags: ServiceTagsTable;
  service_dependencies: ServiceDependenciesTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  commitments: CommitmentsTable;
  practices: PracticesTable;
  nominations: NominationsTable;
  role_assignments: RoleAssignmentsTable;
  role_affirmations: RoleAffirmationsTable;
  calendars: CalendarsTable;
  service_level_targets: ServiceLevelTargetsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  email_outbox: EmailOutboxTable;
  scheduler_leases: SchedulerLeasesTable;
  once_ledger: OnceLedgerTable;
  sl_requirements: SlRequirementsTable;
  sl_requirement_revisions: SlRequirementRevisionsTable;
  sl_negotiation_entries: SlNegotiationEntriesTable;
  sl_options: SlOptionsTable;
  agreements: AgreementsTable;
  agreement_versions: AgreementVersionsTable;
  agreement_signatures: AgreementSignaturesTable;
  ola_acknowledgements: OlaAcknowledgementsTable;
}
