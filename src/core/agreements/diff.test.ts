import { describe, expect, it } from 'vitest';
import type { OrgUnitId, PersonId, TeamId } from '../ids.js';
import type { ServiceId } from '../services.js';
import type { AgreementContent } from './content.js';
import { diffContent, diffTerms, moneyLabel } from './diff.js';
import type { CalendarId, ServiceLevelTerms } from './terms.js';

const hours = (h: number) => ({ businessSeconds: h * 3600 });

const terms: ServiceLevelTerms = {
  availabilityPercent: 99.5,
  calendarId: 'cal-office' as CalendarId,
  tickets: [
    { priority: 'P1', metric: 'resolution', duration: hours(8), goalPercent: 95 },
    { priority: 'P2', metric: 'response', duration: hours(2), goalPercent: 90 },
  ],
};

const content: AgreementContent = {
  code: 'SLA-0001',
  title: 'Marketplace for Sales',
  service: { id: 'svc-1' as ServiceId, name: 'Marketplace', slug: 'marketplace' },
  customer: { id: 'ou-1' as OrgUnitId, name: 'Sales' },
  serviceOwner: { id: 'p-1' as PersonId, name: 'Olga Owner' },
  customerRepresentative: { id: 'p-2' as PersonId, name: 'Carl Customer' },
  terms,
  calendarName: 'Office hours',
  olas: [
    {
      key: 'ola-1',
      teamId: 't-1' as TeamId,
      teamName: 'Network',
      description: 'Network restores P1 within 2 business hours',
      priority: 'P1',
      metric: 'resolution',
      duration: hours(2),
      calendarId: 'cal-office' as CalendarId,
      underpins: ['P1.resolution'],
    },
  ],
  money: {
    currency: 'EUR',
    monthlyCostMinor: 120_000,
    bands: [
      { minCompliancePercent: 0, kind: 'penalty', amountMinor: 50_000 },
      { minCompliancePercent: 95, kind: 'none', amountMinor: 0 },
    ],
    costPerMissedTargetMinor: 0,
  },
  reviewPeriod: 'month',
  effectiveFrom: '2026-01-01',
  expiresOn: '2026-12-31',
  notes: '',
};

describe('diffTerms', () => {
  it('finds nothing between the same terms', () => {
    expect(diffTerms(terms, structuredClone(terms))).toEqual([]);
  });

  it('names a shorter resolution time in business hours', () => {
    const b = structuredClone(terms);
    b.tickets[0]!.duration = hours(4);
    expect(diffTerms(terms, b)).toEqual([
      {
        path: 'terms.P1.resolution.duration',
        label: 'P1 resolution: 8 business hours → 4 business hours',
        before: '8 business hours',
        after: '4 business hours',
      },
    ]);
  });

  it('names availability, service hours by calendar name, goals, added and removed targets', () => {
    const b: ServiceLevelTerms = {
      availabilityPercent: 99.9,
      calendarId: 'cal-247' as CalendarId,
      tickets: [
        { priority: 'P1', metric: 'resolution', duration: hours(8), goalPercent: 99 },
        {
          priority: 'P1',
          metric: 'response',
          duration: { businessSeconds: 1800 },
          goalPercent: 95,
        },
      ],
    };
    const names: Record<string, string> = { 'cal-office': 'Office hours', 'cal-247': '24x7' };
    const labels = diffTerms(terms, b, (id) => names[id] ?? id).map((d) => d.label);
    expect(labels).toEqual([
      'Availability: 99.5 % → 99.9 %',
      'Service hours: Office hours → 24x7',
      'P1 response added: within 30 business minutes for 95 % of tickets',
      'P1 resolution goal: 95 % of tickets → 99 % of tickets',
      'P2 response removed (was within 2 business hours for 90 % of tickets)',
    ]);
  });

  it('says when availability is no longer committed', () => {
    const b = { ...terms, availabilityPercent: null };
    expect(diffTerms(terms, b)[0]).toMatchObject({
      label: 'Availability: 99.5 % → not committed',
      after: 'not committed',
    });
  });

  it('compares working days with business hours', () => {
    const b = structuredClone(terms);
    b.tickets[0]!.duration = { workingDays: 1, endOfWorkingDay: true };
    expect(diffTerms(terms, b)[0]!.label).toBe(
      'P1 resolution: 8 business hours → 1 working day (end of day)',
    );
  });
});

describe('diffContent', () => {
  it('finds nothing between the same content', () => {
    expect(diffContent(content, structuredClone(content))).toEqual([]);
  });

  it('lists money, bands, dates, review period, OLAs and notes in words', () => {
    const b = structuredClone(content);
    b.money.monthlyCostMinor = 150_000;
    b.money.costPerMissedTargetMinor = 2_500;
    b.money.bands = [
      { minCompliancePercent: 0, kind: 'penalty', amountMinor: 80_000 },
      { minCompliancePercent: 99, kind: 'reward', amountMinor: 10_000 },
    ];
    b.reviewPeriod = 'quarter';
    b.expiresOn = '2027-06-30';
    b.olas[0]!.duration = hours(1);
    b.olas.push({ ...b.olas[0]!, key: 'ola-2', teamName: 'Database', description: 'DB restores' });
    b.notes = 'Excludes planned maintenance.';
    const labels = diffContent(content, b).map((d) => d.label);
    expect(labels).toEqual([
      'Review period: monthly → quarterly',
      'Expires on: 2026-12-31 → 2027-06-30',
      'Monthly cost: EUR 1,200.00 → EUR 1,500.00',
      'Cost per missed target: EUR 0.00 → EUR 25.00',
      'Band from 99 % compliance added: reward EUR 100.00',
      'Band from 95 % compliance removed (was no reward or penalty)',
      'Band from 0 % compliance: penalty EUR 500.00 → penalty EUR 800.00',
      'OLA ola-1 target: P1 resolution within 2 business hours → P1 resolution within 1 business hour',
      'OLA ola-2 added: Database: DB restores (P1 resolution within 1 business hour, underpins P1.resolution)',
      'Notes: (none) → Excludes planned maintenance.',
    ]);
  });

  it('lists a removed OLA and a new service owner', () => {
    const b = structuredClone(content);
    b.olas = [];
    b.serviceOwner = { id: 'p-9' as PersonId, name: 'Nora New' };
    const d = diffContent(content, b);
    expect(d.map((x) => x.path)).toEqual(['serviceOwner', 'olas.ola-1']);
    expect(d[1]?.after).toBeNull();
    expect(d[1]?.before).toContain('Network');
  });

  it('formats minor units in the currency decimals', () => {
    expect(moneyLabel('JPY', 1500)).toBe('JPY 1,500');
    expect(moneyLabel('EUR', 5)).toBe('EUR 0.05');
  });
});
