/**
 * The demo retailer's business calendar (Amsterdam office hours with a lunch break and Dutch
 * public holidays, plus a company day within the last three months so the demo always shows a
 * holiday), default service level targets per priority, and 24x7 targets with escalation
 * levels for the tier-1 services. Created through the same use cases as an admin's changes.
 */
import type { Instant, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import { builtInCalendarId } from '../../contract/calendars.js';
import { CreateCalendar } from '../../contract/calendars.js';
import { CreateTarget } from '../../contract/targets.js';
import type { CalendarRecord } from '../calendars/calendar-record.js';
import { insertCalendar } from '../calendars/create-calendar.js';
import type { Ctx } from '../context.js';
import type { Repositories } from '../ports.js';
import { insertTarget } from '../targets/create-target.js';

export const demoZone = 'Europe/Amsterdam';
export const demoCalendarName = 'Amsterdam office hours';

const day = [
  ['08:30', '12:30'],
  ['13:15', '17:30'],
];

/** Dutch public holidays 2025–2027 (fixed dates and Easter-based ones). */
const publicHolidays = [
  { date: '2025-01-01', name: "New Year's Day", yearly: true },
  { date: '2025-04-27', name: "King's Day", yearly: true },
  { date: '2025-12-25', name: 'Christmas Day', yearly: true },
  { date: '2025-12-26', name: 'Boxing Day', yearly: true },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-21', name: 'Easter Monday' },
  { date: '2025-05-05', name: 'Liberation Day' },
  { date: '2025-05-29', name: 'Ascension Day' },
  { date: '2025-06-09', name: 'Whit Monday' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { date: '2026-05-14', name: 'Ascension Day' },
  { date: '2026-05-25', name: 'Whit Monday' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-06', name: 'Ascension Day' },
  { date: '2027-05-17', name: 'Whit Monday' },
];

/** A weekday about six weeks before `now` (UTC date): the company day off. */
export function companyDay(now: Instant): string {
  const d = new Date(Date.parse(now) - 42 * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const hour = 3600;

export interface DemoSlaSetup {
  office: CalendarRecord;
  companyDay: string;
  targets: number;
}

/** Inside the demo loader's transaction. */
export async function loadDemoCalendarsAndTargets(
  repos: Repositories,
  ctx: Ctx,
  ids: { service(slug: string): ServiceId; team(name: string): TeamId },
): Promise<DemoSlaSetup> {
  const company = companyDay(ctx.env.now());
  const office = await insertCalendar(
    repos,
    ctx,
    CreateCalendar.parse({
      name: demoCalendarName,
      description:
        'Service desk and delivery teams in Amsterdam: 08:30–17:30 on weekdays with a lunch break, closed on Dutch public holidays and the company day.',
      timeZone: demoZone,
      week: { mon: day, tue: day, wed: day, thu: day, fri: day },
      holidays: [...publicHolidays, { date: company, name: 'Company day (offices closed)' }],
    }),
  );
  let targets = 0;
  const add = async (input: CreateTarget) => {
    await insertTarget(repos, ctx, CreateTarget.parse(input));
    targets++;
  };
  const defaults = [
    ['P1', { businessSeconds: hour / 2 }, { businessSeconds: 4 * hour }],
    ['P2', { businessSeconds: hour }, { businessSeconds: 8 * hour }],
    ['P3', { businessSeconds: 4 * hour }, { workingDays: 3 }],
    ['P4', { businessSeconds: 8 * hour }, { workingDays: 5, endOfWorkingDay: true }],
  ] as const;
  for (const [priority, respond, resolve] of defaults) {
    await add({
      priority,
      metric: 'response',
      duration: respond,
      calendarId: office.id,
      escalations: [
        { at: { percent: 75 }, actions: [{ type: 'notify', to: 'assignee' }] },
        {
          at: { percent: 100 },
          actions: [{ type: 'notify', to: 'team_lead' }],
          businessHoursOnly: true,
        },
      ],
    });
    await add({
      priority,
      metric: 'resolution',
      duration: resolve,
      calendarId: office.id,
      escalations: [
        { at: { percent: 75 }, actions: [{ type: 'notify', to: 'assignee' }] },
        {
          at: { percent: 100 },
          actions: [
            { type: 'notify', to: 'team_lead' },
            { type: 'notify', to: 'manager' },
          ],
          businessHoursOnly: true,
        },
      ],
    });
  }
  // Tier-1 customer-facing services run around the clock: 24x7 targets with escalations.
  for (const slug of ['online-marketplace', 'checkout-and-payments']) {
    for (const [priority, respond, resolve] of [
      ['P1', 15 * 60, 4 * hour],
      ['P2', 30 * 60, 8 * hour],
    ] as const) {
      await add({
        serviceId: ids.service(slug),
        priority,
        metric: 'response',
        duration: { businessSeconds: respond },
        calendarId: builtInCalendarId,
        escalations: [
          { at: { percent: 50 }, actions: [{ type: 'notify', to: 'assignee' }] },
          { at: { percent: 100 }, actions: [{ type: 'notify', to: 'team_lead' }] },
        ],
      });
      await add({
        serviceId: ids.service(slug),
        priority,
        metric: 'resolution',
        duration: { businessSeconds: resolve },
        calendarId: builtInCalendarId,
        escalations: [
          { at: { percent: 50 }, actions: [{ type: 'notify', to: 'assignee' }] },
          { at: { percent: 75 }, actions: [{ type: 'notify', to: 'team_lead' }] },
          {
            at: { offsetSeconds: -30 * 60 },
            actions: [{ type: 'notify', to: 'service_owner' }],
          },
          {
            at: { offsetSeconds: 60 * 60 },
            actions: [
              { type: 'notify', to: 'manager' },
              ...(priority === 'P2' ? [{ type: 'raise_priority' as const }] : []),
            ],
          },
        ],
      });
    }
  }
  // An OLA: the infrastructure team restores the store network within 2 hours of assignment.
  await add({
    serviceId: ids.service('store-point-of-sale'),
    priority: 'P1',
    metric: 'resolution',
    origin: 'assigned_to_team',
    teamId: ids.team('Network & Infrastructure'),
    duration: { businessSeconds: 2 * hour },
    calendarId: builtInCalendarId,
    escalations: [{ at: { percent: 100 }, actions: [{ type: 'notify', to: 'team_lead' }] }],
  });
  return { office, companyDay: company, targets };
}
