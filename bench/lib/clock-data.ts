/**
 * Data for bench:clock: a split-shift calendar with holidays in a DST zone, seeded random
 * queries over spans of a day, a month and a year, and a streaming generator of tickets with
 * eight status changes each (nothing is kept: memory stays flat however many tickets).
 */
import { type BusinessCalendar, validateCalendar } from '../../src/core/calendar/calendar.js';
import type { CompiledCalendar } from '../../src/core/calendar/clock.js';
import type { EpochMs } from '../../src/core/calendar/units.js';
import type { StatusChange, TicketFacts } from '../../src/core/sla/timer.js';
import type { TicketStatus } from '../../src/core/tickets.js';
import { mulberry32 } from '../../test/random.js';

const shift = [
  ['07:30', '12:00'],
  ['13:00', '17:30'],
];
/** Berlin office: split shifts on weekdays, a Saturday morning, public holidays and a closure. */
export const benchCalendar: BusinessCalendar = (() => {
  const r = validateCalendar({
    timeZone: 'Europe/Berlin',
    week: { mon: shift, tue: shift, wed: shift, thu: shift, fri: shift, sat: [['09:00', '13:00']] },
    holidays: [
      { date: '2020-01-01', yearly: true, name: 'New Year' },
      { date: '2020-05-01', yearly: true, name: 'Labour Day' },
      { date: '2020-10-03', yearly: true, name: 'German Unity Day' },
      { date: '2020-12-24', yearly: true, name: 'Christmas Eve' },
      { date: '2020-12-25', yearly: true, name: 'Christmas Day' },
      { date: '2020-12-26', yearly: true, name: 'Boxing Day' },
      { date: '2020-12-31', yearly: true, name: "New Year's Eve" },
      { date: '2025-04-18', name: 'Good Friday 2025' },
      { date: '2025-04-21', name: 'Easter Monday 2025' },
      { from: '2025-08-11', to: '2025-08-15', name: 'Office move' },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.calendar;
})();

export const SPANS = [
  { name: '1 day', ms: 86_400_000 },
  { name: '1 month', ms: 30 * 86_400_000 },
  { name: '1 year', ms: 365 * 86_400_000 },
] as const;

const LO = Date.UTC(2024, 0, 1);
const HI = Date.UTC(2026, 0, 1);

export interface Query {
  from: EpochMs;
  to: EpochMs;
  /** Business seconds of [from, to): adding them spans the same stretch. */
  seconds: number;
}

/** `count` queries of about `spanMs` (±10 %), from instants on whole seconds in 2024–2025. */
export function queries(
  engine: CompiledCalendar,
  spanMs: number,
  count: number,
  seed: number,
): Query[] {
  const random = mulberry32(seed);
  const out: Query[] = [];
  for (let i = 0; i < count; i++) {
    const from = LO + Math.floor((random() * (HI - LO)) / 1000) * 1000;
    const to = from + Math.floor((spanMs * (0.9 + random() * 0.2)) / 1000) * 1000;
    out.push({
      from: from as EpochMs,
      to: to as EpochMs,
      seconds: engine.elapsed(from as EpochMs, to as EpochMs),
    });
  }
  return out;
}

const MIN = 60_000;
/** Typical lives of a ticket: eight status changes after creation. */
const paths: TicketStatus[][] = [
  [
    'assigned',
    'in_progress',
    'pending_customer',
    'in_progress',
    'resolved',
    'reopened',
    'in_progress',
    'resolved',
  ],
  [
    'assigned',
    'in_progress',
    'pending_vendor',
    'in_progress',
    'pending_customer',
    'in_progress',
    'resolved',
    'closed',
  ],
  [
    'assigned',
    'assigned',
    'in_progress',
    'pending_customer',
    'in_progress',
    'pending_customer',
    'in_progress',
    'resolved',
  ],
  [
    'assigned',
    'in_progress',
    'resolved',
    'reopened',
    'assigned',
    'in_progress',
    'resolved',
    'closed',
  ],
];
const teams = ['service-desk', 'platform', 'payments', 'network'];

/** Ticket `i` of the stream, generated from its own seed (no state kept between tickets). */
export function ticket(i: number): TicketFacts {
  const random = mulberry32(0x5eed + i * 7919);
  const createdAt = LO + Math.floor(random() * (HI - LO));
  const path = paths[i % paths.length]!;
  const changes: StatusChange[] = [];
  let at = createdAt;
  let firstResponseAt: number | null = null;
  for (let k = 0; k < path.length; k++) {
    // minutes to a few days between changes, longer while pending
    const pending = k > 0 && path[k - 1]!.startsWith('pending');
    at += Math.floor((pending ? 600 + random() * 4000 : 5 + random() * 900) * MIN);
    const status = path[k]!;
    changes.push({
      at: at as EpochMs,
      status,
      team: k <= 1 ? teams[(i >> 2) % teams.length]! : null,
    });
    if (firstResponseAt === null && status === 'in_progress') firstResponseAt = at;
  }
  return {
    createdAt: createdAt as EpochMs,
    changes,
    firstResponseAt: firstResponseAt as EpochMs | null,
  };
}
