/**
 * Three months of believable ticket history for the demo portfolio, up to the moment the demo
 * is loaded: a few hundred incidents and requests across the services, P1–P4, assigned to the
 * team that runs the service, with waits on the customer and on vendors, a few reopened and
 * cancelled tickets, some late responses and resolutions, and outages of the online
 * marketplace. Generated from a fixed seed (the same history relative to the load time) and
 * inserted through the ticket use case with explicit past times, in the loader's transaction.
 */
import type { Instant, PersonId, TeamId } from '../../core/ids.js';
import type { ServiceId } from '../../core/services.js';
import type { Impact, Priority, TicketStatus, TicketType } from '../../core/tickets.js';
import type { Ctx } from '../context.js';
import type { NewTicketEvent, Repositories } from '../ports.js';
import { insertTicket } from '../tickets/create-ticket.js';
import { loadDemoCalendarsAndTargets } from './demo-calendars-targets.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
export const demoHistoryDays = 91;

/** mulberry32: a small seeded generator, so the demo is the same on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const weighted: [slug: string, weight: number, titles: string[]][] = [
  [
    'online-marketplace',
    9,
    [
      'Product pages load slowly',
      'Seller listings missing from search results',
      'Basket empties after sign-in',
      'Promotion banner shows the wrong price',
    ],
  ],
  [
    'checkout-and-payments',
    7,
    [
      'Card payments declined for some Visa cards',
      'iDEAL payments time out',
      'Order confirmation email not sent',
      'Refund shows twice on the statement',
    ],
  ],
  [
    'store-point-of-sale',
    6,
    [
      'Till cannot reach the payment terminal',
      'Receipt printer offline in store',
      'Price lookup fails at the till',
      'Store network drops every few minutes',
    ],
  ],
  [
    'warehouse-management',
    5,
    ['Handheld scanners freeze during picking', 'Stock counts out of sync', 'Pick lists empty'],
  ],
  [
    'order-fulfilment',
    5,
    ['Parcels stuck at "ready to ship"', 'Carrier labels fail to print', 'Delivery slots missing'],
  ],
  [
    'customer-support',
    4,
    ['Calls drop in the contact centre queue', 'Ticket replies not reaching customers'],
  ],
  ['mobile-shopping-app', 4, ['App crashes on the product page', 'Push notifications delayed']],
  ['seller-portal', 3, ['Seller cannot upload the product feed', 'Payout report missing']],
  ['returns-and-refunds', 3, ['Return label not generated', 'Refund not started after return']],
  ['finance-reporting', 2, ['Daily sales report is late', 'VAT report totals do not match']],
  ['demand-forecasting', 1, ['Forecast job failed overnight']],
  [
    'workplace-it',
    8,
    [
      'New laptop for a starter',
      'Password reset for the HR system',
      'Access to the shared finance drive',
      'Headset replacement',
      'VPN does not connect from home',
    ],
  ],
];

const totalWeight = weighted.reduce((a, [, w]) => a + w, 0);

/** Wall-clock durations (ms) per priority: to the first response and of the work. */
const pace: Record<Priority, { respond: [number, number]; work: [number, number] }> = {
  P1: { respond: [4 * minute, 20 * minute], work: [40 * minute, 4 * hour] },
  P2: { respond: [10 * minute, 55 * minute], work: [2 * hour, 9 * hour] },
  P3: { respond: [20 * minute, 4 * hour], work: [3 * hour, 2.5 * day] },
  P4: { respond: [40 * minute, 7 * hour], work: [6 * hour, 5 * day] },
};

interface Plan {
  slug: string;
  type: TicketType;
  priority: Priority;
  impact: Impact;
  title: string;
  createdAt: number;
  steps: [at: number, status: TicketStatus][];
}

/** A creation instant 0–91 days back, mostly in office hours on weekdays (07–16 UTC). */
function creationTime(rng: ReturnType<typeof generator>, now: number): number {
  for (;;) {
    const d = new Date(now - Math.floor(rng.between(0, demoHistoryDays)) * day);
    const weekday = d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
    const office = rng.chance(0.8);
    if (office && !weekday) continue;
    const start = office ? rng.between(7, 16) : rng.between(0, 24);
    const at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + start * hour;
    if (at < now) return Math.floor(at / 1000) * 1000;
  }
}

function planTicket(rng: ReturnType<typeof generator>, now: number): Plan {
  let r = rng.next() * totalWeight;
  let entry = weighted[0]!;
  for (const w of weighted) {
    r -= w[1];
    if (r <= 0) {
      entry = w;
      break;
    }
  }
  const [slug, , titles] = entry;
  const request = slug === 'workplace-it' ? rng.chance(0.8) : rng.chance(0.15);
  const p = rng.next();
  const priority: Priority = request
    ? p < 0.6
      ? 'P4'
      : 'P3'
    : p < 0.05
      ? 'P1'
      : p < 0.25
        ? 'P2'
        : p < 0.75
          ? 'P3'
          : 'P4';
  const createdAt = creationTime(rng, now);
  const steps: Plan['steps'] = [];
  let t = createdAt;
  const after = (ms: number, status: TicketStatus) => {
    t += Math.max(minute, Math.round(ms / 1000) * 1000);
    steps.push([t, status]);
  };
  const { respond, work } = pace[priority];
  if (rng.chance(0.03)) {
    after(rng.between(10 * minute, hour), 'cancelled');
  } else {
    const late = rng.chance(0.1) ? 3 : 1;
    const toRespond = rng.between(respond[0], respond[1]) * late;
    after(toRespond * 0.3, 'assigned');
    after(toRespond * 0.7, 'in_progress');
    const slow = rng.chance(0.12) ? 2.2 : 1;
    const total = rng.between(work[0], work[1]) * slow;
    if (priority !== 'P1' && rng.chance(priority === 'P2' ? 0.15 : 0.3)) {
      after(total * 0.4, rng.chance(0.2) ? 'pending_vendor' : 'pending_customer');
      after(rng.between(2 * hour, 3 * day), 'in_progress');
      after(total * 0.6, 'resolved');
    } else after(total, 'resolved');
    if (rng.chance(0.04)) {
      after(rng.between(6 * hour, 2 * day), 'reopened');
      after(rng.between(20 * minute, 2 * hour), 'in_progress');
      after(rng.between(hour, 6 * hour), 'resolved');
    }
    after(3 * day, 'closed');
  }
  return {
    slug,
    type: request ? 'service_request' : 'incident',
    priority,
    impact: request
      ? 'none'
      : priority === 'P1' || (priority === 'P2' && rng.chance(0.5))
        ? 'degraded'
        : 'none',
    title: rng.pick(titles),
    createdAt,
    steps: steps.filter(([at]) => at <= now),
  };
}

/** Outages of the online marketplace: days ago, minutes to restore (one breaches its 4 h). */
const outages: [daysAgo: number, utcHour: number, minutes: number, title: string][] = [
  [78, 19.5, 35, 'Marketplace down: every page returns 503'],
  [52, 10.25, 110, 'Marketplace unavailable after the catalogue deployment'],
  [31, 2.5, 320, 'Marketplace down: database failover did not complete'],
  [9, 14, 25, 'Marketplace search and product pages down'],
];

function outagePlans(now: number): Plan[] {
  return outages.map(([daysAgo, utcHour, minutes, title]) => {
    const d = new Date(now - daysAgo * day);
    const createdAt =
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) + utcHour * hour;
    return {
      slug: 'online-marketplace',
      type: 'incident',
      priority: 'P1',
      impact: 'outage',
      title,
      createdAt,
      steps: (
        [
          [createdAt + 3 * minute, 'assigned'],
          [createdAt + 9 * minute, 'in_progress'],
          [createdAt + minutes * minute, 'resolved'],
          [createdAt + minutes * minute + 2 * day, 'closed'],
        ] as Plan['steps']
      ).filter(([at]) => at <= now),
    };
  });
}

export const demoTicketCount = 320;

/** Inside the demo loader's transaction: inserts the history; returns how many tickets. */
export async function loadDemoTickets(repos: Repositories, ctx: Ctx): Promise<number> {
  const now = Date.parse(ctx.env.now());
  const rng = generator(20_240_611);
  const plans = [...outagePlans(now)];
  for (let i = 0; i < demoTicketCount; i++) plans.push(planTicket(rng, now));
  plans.sort((a, b) => a.createdAt - b.createdAt);

  const services = new Map<string, { id: ServiceId; teamId: TeamId | null }>();
  const crews = new Map<TeamId, PersonId[]>();
  const requesters = (await repos.people.list({}, { limit: 200 })).items.map((p) => p.id);
  let count = 0;
  for (const plan of plans) {
    let service = services.get(plan.slug);
    if (!service) {
      const s = await repos.services.getBySlug(plan.slug);
      if (!s) continue;
      service = { id: s.id, teamId: s.teamId };
      services.set(plan.slug, service);
    }
    let crew: PersonId[] = [];
    if (service.teamId) {
      crew = crews.get(service.teamId) ?? [];
      if (crew.length === 0) {
        const team = await repos.teams.get(service.teamId);
        crew = team ? [...team.memberIds, ...(team.leadId ? [team.leadId] : [])] : [];
        crews.set(service.teamId, crew);
      }
    }
    const assignee = crew.length ? crew[((plan.createdAt / minute) % crew.length) | 0]! : null;
    let assigned = false;
    const changes: NewTicketEvent[] = plan.steps.map(([at, status]) => {
      if (status === 'assigned') assigned = true;
      return {
        at: new Date(at).toISOString() as Instant,
        status,
        teamId: assigned ? service.teamId : null,
        assigneeId: assigned ? assignee : null,
        priority: plan.priority,
        impact: plan.impact,
        actorId: assigned ? assignee : null,
        note: null,
      };
    });
    await insertTicket(repos, ctx, {
      type: plan.type,
      serviceId: service.id,
      priority: plan.priority,
      impact: plan.impact,
      title: plan.title,
      description: null,
      requesterId: requesters.length
        ? requesters[Math.floor(plan.createdAt / 1000) % requesters.length]!
        : null,
      teamId: null,
      assigneeId: null,
      createdAt: new Date(plan.createdAt).toISOString() as Instant,
      changes,
      creatorId: null,
      action: 'ticket.created',
    });
    count++;
  }
  return count;
}

/**
 * Inside the demo loader's transaction, after the portfolio: the business calendar, service
 * level targets and three months of tickets.
 */
export async function loadDemoSla(
  repos: Repositories,
  ctx: Ctx,
): Promise<{ targets: number; tickets: number }> {
  const services = new Map<string, ServiceId>();
  const teams = new Map<string, TeamId>();
  for (const slug of ['online-marketplace', 'checkout-and-payments', 'store-point-of-sale']) {
    const s = await repos.services.getBySlug(slug);
    if (s) services.set(slug, s.id);
  }
  const network = await repos.teams.findByName('Network & Infrastructure');
  if (network) teams.set(network.name, network.id);
  const setup = await loadDemoCalendarsAndTargets(repos, ctx, {
    service: (slug) => services.get(slug)!,
    team: (name) => teams.get(name)!,
  });
  return { targets: setup.targets, tickets: await loadDemoTickets(repos, ctx) };
}
