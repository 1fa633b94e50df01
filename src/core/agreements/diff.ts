/**
 * A readable diff of service level terms and of agreement content: one line per change, as
 * people read it ("P1 resolution: 8 business hours → 4 business hours", "Availability:
 * 99.5 % → 99.9 %"). Pure; used between requirement revisions and between agreement versions.
 */
import type { AgreementContent, MoneyBand, OlaTerm } from './content.js';
import {
  durationLabel,
  sortedTickets,
  ticketTermKey,
  type ServiceLevelTerms,
  type TargetDuration,
  type TicketTerm,
} from './terms.js';

export interface DiffEntry {
  /** Where it changed, e.g. `terms.P1.resolution.duration`, `olas.ola-1`, `money.bands.95`. */
  path: string;
  /** The whole change in words, e.g. "P1 resolution: 8 business hours → 4 business hours". */
  label: string;
  /** The value before, in words; null when it was added. */
  before: string | null;
  /** The value after, in words; null when it was removed. */
  after: string | null;
}

const arrow = ' → ';

function changed(path: string, what: string, before: string, after: string): DiffEntry {
  return { path, label: `${what}: ${before}${arrow}${after}`, before, after };
}
function added(path: string, what: string, after: string): DiffEntry {
  return { path, label: `${what} added: ${after}`, before: null, after };
}
function removed(path: string, what: string, before: string): DiffEntry {
  return { path, label: `${what} removed (was ${before})`, before, after: null };
}

const sameDuration = (a: TargetDuration, b: TargetDuration) =>
  durationLabel(a) === durationLabel(b);

const availabilityLabel = (p: number | null) => (p === null ? 'not committed' : `${p} %`);

const ticketLabel = (t: TicketTerm) =>
  `within ${durationLabel(t.duration)} for ${t.goalPercent} % of tickets`;

/** The changes from terms `a` to terms `b`, availability and service hours first, then tickets. */
export function diffTerms(
  a: ServiceLevelTerms,
  b: ServiceLevelTerms,
  calendarName: (id: string) => string = (id) => id,
  at = 'terms',
): DiffEntry[] {
  const out: DiffEntry[] = [];
  if (a.availabilityPercent !== b.availabilityPercent)
    out.push(
      changed(
        `${at}.availabilityPercent`,
        'Availability',
        availabilityLabel(a.availabilityPercent),
        availabilityLabel(b.availabilityPercent),
      ),
    );
  if (a.calendarId !== b.calendarId)
    out.push(
      changed(
        `${at}.calendarId`,
        'Service hours',
        calendarName(a.calendarId),
        calendarName(b.calendarId),
      ),
    );
  const before = new Map(a.tickets.map((t) => [ticketTermKey(t), t]));
  const after = new Map(b.tickets.map((t) => [ticketTermKey(t), t]));
  const keys = sortedTickets([
    ...a.tickets,
    ...b.tickets.filter((t) => !before.has(ticketTermKey(t))),
  ]).map(ticketTermKey);
  for (const key of keys) {
    const x = before.get(key);
    const y = after.get(key);
    const what = key.replace('.', ' ');
    const path = `${at}.${key}`;
    if (x && !y) out.push(removed(path, what, ticketLabel(x)));
    else if (!x && y) out.push(added(path, what, ticketLabel(y)));
    else if (x && y) {
      if (!sameDuration(x.duration, y.duration))
        out.push(
          changed(`${path}.duration`, what, durationLabel(x.duration), durationLabel(y.duration)),
        );
      if (x.goalPercent !== y.goalPercent)
        out.push(
          changed(
            `${path}.goalPercent`,
            `${what} goal`,
            `${x.goalPercent} % of tickets`,
            `${y.goalPercent} % of tickets`,
          ),
        );
    }
  }
  return out;
}

/** "EUR 1,200.00": minor units in the currency's usual decimals. */
export function moneyLabel(currency: string, amountMinor: number): string {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  const amount = amountMinor / 10 ** digits;
  return `${currency} ${amount.toLocaleString('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })}`;
}

const bandLabel = (currency: string, band: MoneyBand) =>
  band.kind === 'none'
    ? 'no reward or penalty'
    : `${band.kind} ${moneyLabel(currency, band.amountMinor)}`;

const olaLabel = (o: OlaTerm) =>
  `${o.teamName}: ${o.description} (${o.priority} ${o.metric} within ${durationLabel(
    o.duration,
  )}, underpins ${o.underpins.length ? o.underpins.join(', ') : 'no target'})`;

const reviewLabel = (p: string) => (p === 'quarter' ? 'quarterly' : 'monthly');

/** The changes from agreement content `a` to `b`: parties, terms, money, OLAs, dates, notes. */
export function diffContent(a: AgreementContent, b: AgreementContent): DiffEntry[] {
  const out: DiffEntry[] = [];
  const text = (path: string, what: string, x: string, y: string) => {
    if (x !== y) out.push(changed(path, what, x, y));
  };
  text('title', 'Title', a.title, b.title);
  text('service', 'Service', a.service.name, b.service.name);
  text('customer', 'Customer', a.customer.name, b.customer.name);
  if (a.serviceOwner.id !== b.serviceOwner.id)
    text('serviceOwner', 'Service owner', a.serviceOwner.name, b.serviceOwner.name);
  if (a.customerRepresentative.id !== b.customerRepresentative.id)
    text(
      'customerRepresentative',
      'Customer representative',
      a.customerRepresentative.name,
      b.customerRepresentative.name,
    );
  const names = new Map<string, string>([
    [a.terms.calendarId, a.calendarName],
    [b.terms.calendarId, b.calendarName],
  ]);
  out.push(...diffTerms(a.terms, b.terms, (id) => names.get(id) ?? id));
  text('reviewPeriod', 'Review period', reviewLabel(a.reviewPeriod), reviewLabel(b.reviewPeriod));
  text('effectiveFrom', 'Effective from', a.effectiveFrom, b.effectiveFrom);
  text('expiresOn', 'Expires on', a.expiresOn, b.expiresOn);

  const ma = a.money;
  const mb = b.money;
  text('money.currency', 'Currency', ma.currency, mb.currency);
  text(
    'money.monthlyCostMinor',
    'Monthly cost',
    moneyLabel(ma.currency, ma.monthlyCostMinor),
    moneyLabel(mb.currency, mb.monthlyCostMinor),
  );
  text(
    'money.costPerMissedTargetMinor',
    'Cost per missed target',
    moneyLabel(ma.currency, ma.costPerMissedTargetMinor),
    moneyLabel(mb.currency, mb.costPerMissedTargetMinor),
  );
  const bandsA = new Map(ma.bands.map((x) => [x.minCompliancePercent, x]));
  const bandsB = new Map(mb.bands.map((x) => [x.minCompliancePercent, x]));
  const thresholds = [...new Set([...bandsA.keys(), ...bandsB.keys()])].sort((x, y) => y - x);
  for (const t of thresholds) {
    const x = bandsA.get(t);
    const y = bandsB.get(t);
    const path = `money.bands.${t}`;
    const what = `Band from ${t} % compliance`;
    if (x && !y) out.push(removed(path, what, bandLabel(ma.currency, x)));
    else if (!x && y) out.push(added(path, what, bandLabel(mb.currency, y)));
    else if (x && y) text(path, what, bandLabel(ma.currency, x), bandLabel(mb.currency, y));
  }

  const olasA = new Map(a.olas.map((o) => [o.key, o]));
  const olasB = new Map(b.olas.map((o) => [o.key, o]));
  const olaKeys = [
    ...a.olas.map((o) => o.key),
    ...b.olas.filter((o) => !olasA.has(o.key)).map((o) => o.key),
  ];
  for (const key of olaKeys) {
    const x = olasA.get(key);
    const y = olasB.get(key);
    const path = `olas.${key}`;
    const what = `OLA ${key}`;
    if (x && !y) out.push(removed(path, what, olaLabel(x)));
    else if (!x && y) out.push(added(path, what, olaLabel(y)));
    else if (x && y) {
      text(`${path}.team`, `${what} team`, x.teamName, y.teamName);
      text(`${path}.description`, `${what} description`, x.description, y.description);
      text(
        `${path}.target`,
        `${what} target`,
        `${x.priority} ${x.metric} within ${durationLabel(x.duration)}`,
        `${y.priority} ${y.metric} within ${durationLabel(y.duration)}`,
      );
      if (x.calendarId !== y.calendarId)
        text(`${path}.calendarId`, `${what} calendar`, x.calendarId, y.calendarId);
      text(
        `${path}.underpins`,
        `${what} underpins`,
        x.underpins.join(', ') || 'nothing',
        y.underpins.join(', ') || 'nothing',
      );
    }
  }
  text('notes', 'Notes', a.notes || '(none)', b.notes || '(none)');
  return out;
}
