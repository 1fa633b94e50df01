import { describe, expect, it } from 'vitest';
import type { Instant } from './ids.js';
import {
  checkHistory,
  formatTicketNumber,
  stateFromHistory,
  transitionProblem,
  type TicketStatus,
} from './tickets.js';

const at = (s: string) => `2026-03-02T${s}:00.000Z` as Instant;

describe('status transitions', () => {
  it.each<[TicketStatus, TicketStatus, boolean]>([
    ['new', 'assigned', true],
    ['new', 'in_progress', true],
    ['new', 'resolved', true],
    ['new', 'closed', false],
    ['new', 'reopened', false],
    ['assigned', 'pending_customer', true],
    ['pending_customer', 'in_progress', true],
    ['pending_vendor', 'resolved', true],
    ['in_progress', 'new', false],
    ['resolved', 'closed', true],
    ['resolved', 'reopened', true],
    ['resolved', 'in_progress', false],
    ['reopened', 'in_progress', true],
    ['reopened', 'closed', false],
    ['closed', 'reopened', false],
    ['closed', 'in_progress', false],
    ['cancelled', 'new', false],
    ['cancelled', 'reopened', false],
    ['in_progress', 'cancelled', true],
    ['resolved', 'cancelled', false],
    ['assigned', 'assigned', true],
  ])('%s → %s allowed: %s', (from, to, ok) => {
    expect(transitionProblem(from, to) === null).toBe(ok);
  });

  it('says a final status is final', () => {
    expect(transitionProblem('closed', 'reopened')).toBe(
      'a closed ticket is final and cannot change',
    );
  });
});

describe('history checks', () => {
  const created = at('09:00');
  it.each<[string, { at: string; status: string }[], string | null]>([
    [
      'ordered, allowed',
      [
        { at: at('09:05'), status: 'assigned' },
        { at: at('09:30'), status: 'in_progress' },
        { at: at('10:00'), status: 'resolved' },
        { at: at('11:00'), status: 'closed' },
      ],
      null,
    ],
    [
      'a leading new entry',
      [
        { at: created, status: 'new' },
        { at: at('09:10'), status: 'in_progress' },
      ],
      null,
    ],
    [
      'same instant twice',
      [
        { at: at('09:05'), status: 'assigned' },
        { at: at('09:05'), status: 'in_progress' },
      ],
      null,
    ],
    ['before creation', [{ at: at('08:59'), status: 'assigned' }], 'history.0.at'],
    [
      'out of order',
      [
        { at: at('09:10'), status: 'assigned' },
        { at: at('09:30'), status: 'in_progress' },
        { at: at('09:20'), status: 'resolved' },
      ],
      'history.2.at',
    ],
    ['unknown status', [{ at: at('09:10'), status: 'on_hold' }], 'history.0.status'],
    ['not allowed', [{ at: at('09:10'), status: 'closed' }], 'history.0.status'],
    [
      'after closed',
      [
        { at: at('09:10'), status: 'resolved' },
        { at: at('09:20'), status: 'closed' },
        { at: at('09:30'), status: 'reopened' },
      ],
      'history.2.status',
    ],
  ])('%s', (_name, changes, path) => {
    if (path === null) expect(() => checkHistory(created, changes)).not.toThrow();
    else
      expect(() => checkHistory(created, changes)).toThrow(
        expect.objectContaining({ code: 'invalid', issues: [expect.objectContaining({ path })] }),
      );
  });
});

describe('state from history', () => {
  const base = { teamId: null, assigneeId: null, priority: 'P3', impact: 'none' } as const;
  const ev = (time: string, status: TicketStatus) => ({ ...base, at: at(time), status });

  it.each<[string, TicketStatus[], Partial<Record<string, string | null>>]>([
    ['fresh', ['new'], { status: 'new', firstResponseAt: null, resolvedAt: null, closedAt: null }],
    ['assignment is not a response', ['new', 'assigned'], { firstResponseAt: null }],
    [
      'work starts: first response',
      ['new', 'assigned', 'in_progress', 'pending_customer'],
      { firstResponseAt: at('09:02') },
    ],
    [
      'resolved and closed',
      ['new', 'in_progress', 'resolved', 'closed'],
      { resolvedAt: at('09:02'), closedAt: at('09:03') },
    ],
    [
      'reopened clears resolution',
      ['new', 'resolved', 'reopened'],
      { resolvedAt: null, firstResponseAt: at('09:01') },
    ],
    [
      'cancelled: no response, closed',
      ['new', 'cancelled'],
      { firstResponseAt: null, resolvedAt: null, closedAt: at('09:01') },
    ],
  ])('%s', (_name, statuses, expected) => {
    const events = statuses.map((s, i) => ev(`09:0${i}`, s));
    expect(stateFromHistory(events)).toMatchObject(expected);
  });
});

it('numbers tickets per type', () => {
  expect(formatTicketNumber('incident', 123)).toBe('INC-000123');
  expect(formatTicketNumber('service_request', 45)).toBe('REQ-000045');
});
