import { createHash } from 'node:crypto';
import { requireAdmin } from '../../core/actor.js';
import { DomainError, invalid } from '../../core/errors.js';
import type { Instant, TeamId } from '../../core/ids.js';
import { checkHistory, type TicketStatus } from '../../core/tickets.js';
import { ImportLine, type TicketImportReport } from '../../contract/tickets.js';
import type { Ctx } from '../context.js';
import type { NewTicketEvent, Repositories, UnitOfWork } from '../ports.js';
import { insertTicket } from './create-ticket.js';

/** Failures listed in a report; the counts stay exact beyond it. */
const maxListedFailures = 1000;
const maxLineLength = 1_000_000;

/** JSON with object keys sorted, so the same ticket written differently hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type Outcome = 'imported' | 'unchanged';

/** Inside a transaction: one line, all or nothing. */
async function importLine(
  repos: Repositories,
  ctx: Ctx,
  source: string,
  raw: unknown,
): Promise<Outcome> {
  const parsed = ImportLine.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(issue.path.join('.') || 'line', issue.message);
  }
  const line = parsed.data;
  const hash = createHash('sha256').update(canonical(raw)).digest('hex');
  const ref = { source, id: line.externalId ?? `sha256:${hash}` };
  const existing = await repos.tickets.getByExternalRef(ref.source, ref.id);
  if (existing) {
    if (existing.importHash === hash) return 'unchanged';
    throw invalid(
      'externalId',
      `${existing.number} was imported with this id from different content; imports never rewrite history, so change it in Charter or give a new externalId`,
    );
  }
  const service = line.service ? await repos.services.getBySlug(line.service) : null;
  if (line.service && !service) throw invalid('service', `no service has the slug ${line.service}`);
  const createdAt = line.createdAt as Instant;
  checkHistory(createdAt, line.history);
  if (line.firstResponseAt && Date.parse(line.firstResponseAt) < Date.parse(createdAt))
    throw invalid('firstResponseAt', `is before createdAt (${createdAt})`);

  const teams = new Map<string, TeamId>();
  let teamId: TeamId | null = null;
  const changes: NewTicketEvent[] = [];
  let creationTeam: TeamId | null = null;
  for (const [i, entry] of line.history.entries()) {
    if (entry.team !== undefined) {
      let id = teams.get(entry.team);
      if (!id) {
        const team = await repos.teams.findByName(entry.team);
        if (!team) throw invalid(`history.${i}.team`, `no team is named ${entry.team}`);
        id = team.id;
        teams.set(entry.team, id);
      }
      teamId = id;
    }
    // A leading `new` at the creation time is the creation itself.
    if (i === 0 && entry.status === 'new' && entry.at === createdAt) {
      creationTeam = teamId;
      continue;
    }
    changes.push({
      at: entry.at as Instant,
      status: entry.status as TicketStatus,
      teamId,
      assigneeId: null,
      priority: line.priority,
      impact: line.impact,
      actorId: null,
      note: entry.note ?? null,
    });
  }
  await insertTicket(repos, ctx, {
    type: line.type,
    serviceId: service?.id ?? null,
    priority: line.priority,
    impact: line.impact,
    title: line.title ?? `Imported ticket ${line.externalId ?? hash.slice(0, 12)}`,
    description: line.description ?? null,
    requesterId: null,
    teamId: creationTeam,
    assigneeId: null,
    createdAt,
    changes,
    firstResponseAt: (line.firstResponseAt as Instant | undefined) ?? null,
    externalRef: ref,
    importHash: hash,
    creatorId: null,
    action: 'ticket.imported',
  });
  return 'imported';
}

/**
 * Imports tickets with their history from JSON Lines, one ticket a line, each line in its own
 * transaction: a failing line is reported (line number, field) and saves nothing; the others
 * are saved. A ticket is identified by `source` + `externalId` (or the line's content hash), so
 * importing the same file again changes nothing. Lines are read as they arrive (streaming).
 */
export async function importTickets(
  uow: UnitOfWork,
  ctx: Ctx,
  lines: AsyncIterable<string> | Iterable<string>,
  options: { source: string; firstLine?: number },
): Promise<TicketImportReport> {
  requireAdmin(ctx.actor, 'import tickets');
  const report: TicketImportReport = { imported: 0, unchanged: 0, failed: 0, failures: [] };
  let number = (options.firstLine ?? 1) - 1;
  for await (const text of lines) {
    number += 1;
    const trimmed = text.trim();
    if (trimmed === '') continue;
    try {
      if (trimmed.length > maxLineLength)
        throw invalid('line', `is longer than ${maxLineLength} characters`);
      let raw: unknown;
      try {
        raw = JSON.parse(trimmed);
      } catch (error) {
        throw invalid('line', `is not valid JSON (${(error as Error).message})`);
      }
      const outcome = await uow.transaction((repos) => importLine(repos, ctx, options.source, raw));
      report[outcome] += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.failed += 1;
      if (report.failures.length < maxListedFailures) {
        const issue = error.issues?.[0];
        report.failures.push({
          line: number,
          field: issue?.path ?? 'line',
          message: issue?.message ?? error.message,
        });
      }
    }
  }
  return report;
}
