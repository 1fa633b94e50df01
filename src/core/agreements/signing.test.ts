import { describe, expect, it } from 'vitest';
import type { OrgUnitId, PersonId, TeamId } from '../ids.js';
import type { ServiceId } from '../services.js';
import type { AgreementContent, AgreementVersionId } from './content.js';
import type { OlaAcknowledgement, Signature } from './records.js';
import {
  contentProblems,
  daysUntil,
  defaultExpiry,
  isExpired,
  olaDescription,
  targetBacking,
} from './signing.js';
import type { CalendarId } from './terms.js';

const content: AgreementContent = {
  code: 'SLA-0001',
  title: 'Shop for Sales',
  service: { id: 's' as ServiceId, name: 'Shop', slug: 'shop' },
  customer: { id: 'o' as OrgUnitId, name: 'Sales' },
  serviceOwner: { id: 'p1' as PersonId, name: 'Olga' },
  customerRepresentative: { id: 'p2' as PersonId, name: 'Carl' },
  terms: {
    availabilityPercent: 99.5,
    calendarId: 'c' as CalendarId,
    tickets: [
      {
        priority: 'P1',
        metric: 'resolution',
        duration: { businessSeconds: 14_400 },
        goalPercent: 95,
      },
    ],
  },
  calendarName: 'Office',
  olas: [
    {
      key: 'ola-1',
      teamId: 't' as TeamId,
      teamName: 'Network',
      description: 'Network restores P1 within 2 business hours',
      priority: 'P1',
      metric: 'resolution',
      duration: { businessSeconds: 7200 },
      calendarId: 'c' as CalendarId,
      underpins: ['P1.resolution'],
    },
  ],
  money: { currency: 'EUR', monthlyCostMinor: 100, bands: [], costPerMissedTargetMinor: 0 },
  reviewPeriod: 'month',
  effectiveFrom: '2026-03-01',
  expiresOn: '2027-02-28',
  notes: '',
};

const vid = 'v' as AgreementVersionId;
const signed = (party: Signature['party']): Signature => ({ versionId: vid, party }) as Signature;
const acked = (olaKey: string): OlaAcknowledgement =>
  ({ versionId: vid, olaKey }) as OlaAcknowledgement;

describe('agreement signing rules', () => {
  it('defaults the expiry to a year less a day, leap years included', () => {
    expect(defaultExpiry('2026-03-01')).toBe('2027-02-28');
    expect(defaultExpiry('2027-03-01')).toBe('2028-02-29');
    expect(daysUntil('2026-05-01', '2026-06-30')).toBe(60);
    expect(isExpired(content, '2027-02-28')).toBe(false);
    expect(isExpired(content, '2027-03-01')).toBe(true);
  });

  it('finds nothing wrong with good content, and names each field that is wrong', () => {
    expect(contentProblems(content)).toEqual([]);
    const bad = structuredClone(content);
    bad.expiresOn = '2026-02-01';
    bad.money.bands = [
      { minCompliancePercent: 95, kind: 'none', amountMinor: 5 },
      { minCompliancePercent: 95, kind: 'reward', amountMinor: 100 },
    ];
    bad.olas.push({ ...bad.olas[0]!, underpins: ['P4.response'] });
    expect(contentProblems(bad).map((i) => i.path)).toEqual([
      'expiresOn',
      'money.bands[0].amountMinor',
      'money.bands[1].minCompliancePercent',
      'olas[1].key',
      'olas[1].underpins[0]',
    ]);
  });

  it('backs a target only with both signatures and its OLAs acknowledged', () => {
    const v = { id: vid, content, status: 'pending' as const };
    const none = targetBacking(v, [], [], '2026-03-02');
    expect(none.map((t) => t.backed)).toEqual([false, false]);
    const both = [signed('service_owner'), signed('customer_representative')];
    const noAck = targetBacking(v, both, [], '2026-03-02');
    expect(noAck.map((t) => [t.key, t.backed])).toEqual([
      ['availability', true],
      ['P1.resolution', false],
    ]);
    expect(noAck[1]!.reasons).toEqual([
      'OLA ola-1 (Network) not acknowledged by its delivery lead',
    ]);
    const all = targetBacking(v, both, [acked('ola-1')], '2026-03-02');
    expect(all.every((t) => t.backed)).toBe(true);
    const old = targetBacking({ ...v, status: 'superseded' }, both, [acked('ola-1')], '2026-03-02');
    expect(old.every((t) => !t.backed && t.reasons[0] === 'this version is superseded')).toBe(true);
    expect(targetBacking(v, both, [acked('ola-1')], '2027-03-01')[0]!.reasons).toEqual([
      'the agreement expired on 2027-02-28',
    ]);
  });

  it('describes an OLA in words', () => {
    expect(
      olaDescription({
        teamName: 'Desk',
        priority: 'P2',
        metric: 'response',
        duration: { businessSeconds: 1800 },
      }),
    ).toBe('Desk responds to P2 within 30 business minutes');
  });
});
