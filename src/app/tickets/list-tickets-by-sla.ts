import { isOpen, type TicketId } from '../../core/tickets.js';
import { invalid } from '../../core/errors.js';
import type { Page, PageRequest, TicketFilter, TicketView, UnitOfWork } from '../ports.js';
import { timersOf, type TicketTimer } from './ticket-timers.js';

/** SLA states a ticket list can be filtered by. */
export type SlaFilter = 'breached' | 'at_risk' | 'running' | 'paused' | 'met' | 'none';

/** At most this many tickets are ordered by time left in one request; narrow the filter beyond. */
export const maxSlaOrdered = 20_000;
/** Share of the target used from which a running timer is at risk. */
const atRiskPercent = 75;

const live = (t: TicketTimer) => t.state === 'running' || t.state === 'paused';

/** Whether a ticket's timers are in the SLA state asked for. */
export function inSlaState(timers: readonly TicketTimer[], state: SlaFilter): boolean {
  switch (state) {
    case 'none':
      return timers.length === 0;
    case 'breached':
      return timers.some((t) => t.breached);
    case 'at_risk':
      return timers.some((t) => live(t) && !t.breached && t.percentUsed >= atRiskPercent);
    case 'running':
      return timers.some((t) => t.state === 'running');
    case 'paused':
      return timers.some((t) => t.state === 'paused');
    case 'met':
      return timers.length > 0 && timers.every((t) => t.state === 'met');
  }
}

/**
 * Business seconds left on an open ticket's most urgent timer that still counts (running,
 * paused, or breached and still going: negative), or null when none does.
 */
export function timeLeft(ticket: TicketView, timers: readonly TicketTimer[]): number | null {
  if (!isOpen(ticket.status)) return null;
  const left = timers
    .filter((t) => live(t) || t.state === 'breached')
    .map((t) => t.remainingSeconds);
  return left.length === 0 ? null : Math.min(...left);
}

/**
 * Tickets ordered by SLA time left and/or filtered by SLA state. Timers are derived from
 * history at `now` (never stored), so the matching tickets are read, their timers derived, then
 * ordered and paged here; the cursor is an offset. Tickets without a running timer come last.
 */
export async function listTicketsBySla(
  uow: UnitOfWork,
  filter: TicketFilter,
  options: { sla?: SlaFilter | undefined; desc?: boolean | undefined; byTimeLeft: boolean },
  page: Pick<PageRequest, 'limit' | 'cursor'>,
  now: number,
): Promise<Page<TicketView>> {
  const offset = page.cursor === undefined ? 0 : Number(page.cursor.replace(/^o/, ''));
  if (!Number.isInteger(offset) || offset < 0 || (!page.cursor?.startsWith('o') && page.cursor))
    throw invalid('cursor', 'is not a cursor of this list; start again without one');
  const all: TicketView[] = [];
  let cursor: string | undefined;
  do {
    const batch = await uow.read.tickets.list(filter, {
      limit: 1000,
      cursor,
      sort: { field: 'createdAt', desc: true },
    });
    all.push(...batch.items);
    cursor = batch.nextCursor ?? undefined;
    if (all.length > maxSlaOrdered)
      throw invalid(
        options.byTimeLeft ? 'sort' : 'sla',
        `more than ${maxSlaOrdered} tickets match; narrow the filter (e.g. open=true, a service or a team)`,
      );
  } while (cursor);
  const timers = new Map<TicketId, TicketTimer[]>();
  for (let i = 0; i < all.length; i += 500) {
    for (const [id, t] of await timersOf(uow.read, all.slice(i, i + 500), now)) timers.set(id, t);
  }
  let rows = all.map((ticket) => ({ ticket, timers: timers.get(ticket.id) ?? [] }));
  if (options.sla) rows = rows.filter((r) => inSlaState(r.timers, options.sla!));
  if (options.byTimeLeft) {
    const sign = options.desc ? -1 : 1;
    const left = new Map(rows.map((r) => [r.ticket.id, timeLeft(r.ticket, r.timers)]));
    rows.sort((a, b) => {
      const x = left.get(a.ticket.id) ?? null;
      const y = left.get(b.ticket.id) ?? null;
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return sign * (x - y);
    });
  }
  const items = rows.slice(offset, offset + page.limit).map((r) => r.ticket);
  const next = offset + page.limit;
  return { items, nextCursor: next < rows.length ? `o${next}` : null };
}
