import type { Instant, OrgUnitId, PersonId, TeamId } from './ids.js';

/** Seniority, most senior first. The order matters: later issues weight ownership by it. */
export const seniorities = ['executive', 'senior_manager', 'manager', 'staff', 'external'] as const;
export type Seniority = (typeof seniorities)[number];

/** Global roles. Per-service rights come with ownership. */
export const roles = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface Person {
  id: PersonId;
  name: string;
  email: string;
  title: string | null;
  seniority: Seniority;
  managerId: PersonId | null;
  orgUnitId: OrgUnitId | null;
  active: boolean;
  /** Global role of the person's account, or null when the person cannot sign in. */
  role: Role | null;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface Team {
  id: TeamId;
  name: string;
  description: string | null;
  leadId: PersonId | null;
  memberIds: PersonId[];
  active: boolean;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface OrgUnit {
  id: OrgUnitId;
  name: string;
  description: string | null;
  headId: PersonId | null;
  active: boolean;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

/** Emails are compared case-insensitively and stored trimmed and lower-cased. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Would making `managerId` the manager of `personId` create a loop in the reporting line?
 * `managerOf` returns the current manager of a person (or null).
 */
export function createsManagementLoop(
  personId: PersonId,
  managerId: PersonId | null,
  managerOf: (id: PersonId) => PersonId | null,
): boolean {
  const seen = new Set<PersonId>();
  let current = managerId;
  while (current) {
    if (current === personId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
    current = managerOf(current);
  }
  return false;
}
