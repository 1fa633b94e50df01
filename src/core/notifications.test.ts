import { describe, expect, it } from 'vitest';
import type { Instant } from './ids.js';
import {
  absoluteLink,
  localDateHour,
  messageIdFor,
  retryDelayMs,
  type OutboxId,
} from './notifications.js';

describe('retry backoff', () => {
  it.each([
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [5, 960_000],
    [20, 6 * 60 * 60 * 1000],
  ])('after %i failed attempts waits %i ms', (attempt, ms) => {
    expect(retryDelayMs(attempt, 60_000)).toBe(ms);
  });
});

describe('stable Message-ID', () => {
  it.each([
    ['Charter <charter@example.org>', '<charter.abc@example.org>'],
    ['charter@mail.example.org', '<charter.abc@mail.example.org>'],
    ['no address', '<charter.abc@charter.invalid>'],
  ])('from %s', (from, id) => {
    expect(messageIdFor('abc' as OutboxId, from)).toBe(id);
  });
});

describe('local date and hour for the digest', () => {
  it.each([
    ['2026-03-01T05:30:00.000Z', 'Europe/Paris', '2026-03-01', 6],
    ['2026-03-01T23:30:00.000Z', 'Europe/Paris', '2026-03-02', 0],
    ['2026-03-29T01:30:00.000Z', 'Europe/Paris', '2026-03-29', 3],
    ['2026-03-01T02:00:00.000Z', 'America/St_Johns', '2026-02-28', 22],
    ['2026-03-01T02:00:00.000Z', 'UTC', '2026-03-01', 2],
  ])('%s in %s is %s hour %i', (at, zone, date, hour) => {
    expect(localDateHour(at as Instant, zone)).toEqual({ date, hour });
  });
});

describe('links in emails', () => {
  it.each([
    ['/services/a', 'https://c.example.org/', 'https://c.example.org/services/a'],
    ['services/a', 'https://c.example.org', 'https://c.example.org/services/a'],
    ['https://elsewhere.example/x', 'https://c.example.org', 'https://elsewhere.example/x'],
    ['/services/a', null, '/services/a'],
    [null, 'https://c.example.org', null],
  ])('%s against %s', (link, base, expected) => {
    expect(absoluteLink(link, base)).toBe(expected);
  });
});
