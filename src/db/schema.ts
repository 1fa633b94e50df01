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
}
