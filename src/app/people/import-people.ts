import { z } from 'zod';
import { requireAdmin } from '../../core/actor.js';
import { DomainError } from '../../core/errors.js';
import type { OrgUnitId } from '../../core/ids.js';
import { normaliseEmail, seniorities, type Person } from '../../core/people.js';
import { Email, Name, OptionalText } from '../../contract/common.js';
import type { PeopleImportReport } from '../../contract/people.js';
import type { Ctx } from '../context.js';
import { readCsvTable } from '../csv-table.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { insertPerson } from './create-person.js';
import { applyPersonUpdate } from './update-person.js';

/** Columns of a people CSV. `email` identifies the person: re-importing updates, never duplicates. */
export const peopleCsvColumns = [
  'name',
  'email',
  'title',
  'seniority',
  'manager_email',
  'org_unit',
] as const;
const required = ['name', 'email'];
export const maxImportRows = 50_000;

const Row = z.object({
  name: Name,
  email: Email,
  title: OptionalText(200),
  seniority: z.preprocess(
    (v) =>
      typeof v === 'string' && v.trim() !== ''
        ? v
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_')
        : undefined,
    z.enum(seniorities, { message: `must be one of ${seniorities.join(', ')}` }).optional(),
  ),
  manager_email: z.union([z.literal(''), Email]).optional(),
  org_unit: z.string().trim().max(200).optional(),
});

type Outcome = PeopleImportReport['rows'][number];

/**
 * Imports people from CSV in one transaction. Each row is created, updated, unchanged or
 * rejected with its reason; rejected rows change nothing. Managers may appear later in the file.
 */
export async function importPeople(
  uow: UnitOfWork,
  ctx: Ctx,
  csv: string,
  options: { dryRun: boolean },
): Promise<PeopleImportReport> {
  requireAdmin(ctx.actor, 'import people');
  const { header, rows: table } = readCsvTable(csv, {
    known: peopleCsvColumns,
    required,
    maxRows: maxImportRows,
    normalise: (h) => h.trim().toLowerCase().replace(/\s+/g, '_'),
  });
  const rows = table.map((r) => ({ line: r.line, values: Object.fromEntries(r.values) }));
  const report: PeopleImportReport = {
    dryRun: options.dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rows: [],
  };
  const rollback = new Error('dry run');
  try {
    await uow.transaction(async (repos) => {
      await importRows(repos, ctx, header, rows, report);
      if (options.dryRun) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return report;
}

async function importRows(
  repos: Repositories,
  ctx: Ctx,
  header: string[],
  rows: { line: number; values: Record<string, string> }[],
  report: PeopleImportReport,
) {
  const seen = new Map<string, number>();
  const pendingManagers: { person: Person; managerEmail: string; outcome: Outcome }[] = [];
  const unitIds = new Map<string, OrgUnitId | null>();
  for (const { line, values } of rows) {
    const parsed = Row.safeParse(values);
    const email = (values.email ? normaliseEmail(values.email) : '') || null;
    const reject = (reason: string) => {
      report.rows.push({ line, email, outcome: 'rejected', reason });
      report.rejected += 1;
    };
    if (!parsed.success) {
      reject(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      continue;
    }
    const row = parsed.data;
    const firstLine = seen.get(row.email);
    if (firstLine !== undefined) {
      reject(`email: ${row.email} already appears on line ${firstLine}`);
      continue;
    }
    seen.set(row.email, line);
    let orgUnitId: OrgUnitId | null | undefined;
    if (header.includes('org_unit')) {
      const unitName = row.org_unit ?? '';
      if (unitName === '') orgUnitId = null;
      else {
        if (!unitIds.has(unitName.toLowerCase())) {
          unitIds.set(
            unitName.toLowerCase(),
            (await repos.orgUnits.findByName(unitName))?.id ?? null,
          );
        }
        orgUnitId = unitIds.get(unitName.toLowerCase()) ?? undefined;
        if (orgUnitId === undefined) {
          reject(`org_unit: no organisation unit is named "${unitName}"; create it first`);
          continue;
        }
      }
    }
    try {
      const existing = await repos.people.findByEmail(row.email);
      const fields = {
        name: row.name,
        email: row.email,
        ...(header.includes('title') ? { title: row.title ?? null } : {}),
        ...(row.seniority ? { seniority: row.seniority } : {}),
        ...(orgUnitId !== undefined ? { orgUnitId } : {}),
      };
      let person: Person;
      let outcome: Outcome;
      if (!existing) {
        person = await insertPerson(repos, ctx, { seniority: 'staff', ...fields });
        outcome = { line, email: row.email, outcome: 'created', reason: null };
      } else {
        const changed = Object.entries(fields).some(([k, v]) => existing[k as keyof Person] !== v);
        person = changed
          ? await applyPersonUpdate(repos, ctx, existing.id, existing.version, fields)
          : existing;
        outcome = {
          line,
          email: row.email,
          outcome: changed ? 'updated' : 'unchanged',
          reason: null,
        };
      }
      report.rows.push(outcome);
      if (header.includes('manager_email'))
        pendingManagers.push({ person, managerEmail: row.manager_email ?? '', outcome });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reject(error.message);
    }
  }
  for (const pending of pendingManagers) {
    const manager = pending.managerEmail
      ? await repos.people.findByEmail(pending.managerEmail)
      : null;
    if (pending.managerEmail && !manager) {
      pending.outcome.reason = `manager_email: nobody has the email ${pending.managerEmail}; the manager was left unchanged`;
      continue;
    }
    const managerId = manager?.id ?? null;
    const current = await repos.people.get(pending.person.id);
    if (!current || current.managerId === managerId) continue;
    try {
      await applyPersonUpdate(repos, ctx, current.id, current.version, { managerId });
      if (pending.outcome.outcome === 'unchanged') pending.outcome.outcome = 'updated';
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      pending.outcome.reason = `manager_email: ${error.message}; the manager was left unchanged`;
    }
  }
  for (const r of report.rows) {
    if (r.outcome === 'created') report.created += 1;
    if (r.outcome === 'updated') report.updated += 1;
    if (r.outcome === 'unchanged') report.unchanged += 1;
  }
  report.rows.sort((a, b) => a.line - b.line);
}
