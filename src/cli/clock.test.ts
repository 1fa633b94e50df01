import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charter } from '../../test/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'charter-clock-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
// The Znuny split-shift calendar of the shared vectors, as YAML.
const yaml = file(
  'berlin.yaml',
  `timeZone: Europe/Berlin
week:
  mon: [["08:00", "13:00"], ["14:00", "18:00"]]
  tue: [["08:00", "13:00"], ["14:00", "18:00"]]
  wed: [["08:00", "13:00"], ["14:00", "18:00"]]
  thu: [["08:00", "13:00"], ["14:00", "18:00"]]
  fri: [["08:00", "13:00"], ["14:00", "18:00"]]
holidays:
  - { date: "2000-12-25", yearly: true, name: Christmas Day }
`,
);
// GLPI's 5x24 calendar, as JSON.
const json = file(
  'glpi-5x24.json',
  JSON.stringify({
    timeZone: 'UTC',
    week: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['00:00', '24:00']]]),
    ),
    holidays: [],
  }),
);

describe('charter clock', () => {
  it('prints business seconds across a weekend and the spring DST change (vector G7)', () => {
    const r = charter([
      'clock',
      'elapsed',
      '--calendar',
      yaml,
      '--from',
      '2016-03-25T12:15:41',
      '--to',
      '2016-03-29T10:15:41',
    ]);
    expect(r.stderr).toBe('');
    expect(r).toMatchObject({ code: 0, stdout: '57600\n' });
  });

  it('prints seconds, local times and instants as JSON; Z times are instants', () => {
    const r = charter([
      'clock',
      'elapsed',
      '--calendar',
      yaml,
      '--from',
      '2016-03-25T07:15:41Z',
      '--to',
      '2016-03-25T14:15:41+01:00',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      seconds: 18000,
      local: { from: '2016-03-25T08:15:41', to: '2016-03-25T14:15:41' },
      instant: { from: '2016-03-25T07:15:41.000Z', to: '2016-03-25T13:15:41.000Z' },
      timeZone: 'Europe/Berlin',
    });
  });

  it.each([
    [
      'working days to the end of the day (vector A4)',
      json,
      '2018-11-19T10:00:00',
      '7wd',
      true,
      '2018-11-29T00:00:00',
      '2018-11-29T00:00:00.000Z',
    ],
    [
      'backwards over a lunch break',
      yaml,
      '2016-03-29T14:30',
      '-90m',
      false,
      '2016-03-29T12:00:00',
      '2016-03-29T10:00:00.000Z',
    ],
    [
      'seconds over a holiday',
      yaml,
      '2015-12-24T17:30',
      '3600s',
      false,
      '2015-12-28T08:30:00',
      '2015-12-28T07:30:00.000Z',
    ],
  ])('adds %s', (_, calendar, from, duration, eod, local, instant) => {
    const r = charter([
      'clock',
      'add',
      '--calendar',
      calendar,
      '--from',
      from,
      '--duration',
      duration,
      ...(eod ? ['--end-of-working-day'] : []),
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ local, instant });
  });

  it('prints the local time and the instant by default', () => {
    const r = charter([
      'clock',
      'add',
      '--calendar',
      yaml,
      '--from',
      '2016-03-25T17:00',
      '--duration',
      '4h',
    ]);
    expect(r).toMatchObject({
      code: 0,
      stdout: '2016-03-28T11:00:00 Europe/Berlin (2016-03-28T09:00:00.000Z)\n',
    });
  });

  it.each([
    [
      'no calendar',
      ['elapsed', '--from', '2016-03-25T08:00', '--to', '2016-03-25T09:00'],
      '--calendar is required',
    ],
    [
      'a missing file',
      [
        'elapsed',
        '--calendar',
        join(dir, 'nope.yaml'),
        '--from',
        '2016-03-25',
        '--to',
        '2016-03-26',
      ],
      'cannot read the file (ENOENT)',
    ],
    [
      'an invalid calendar',
      [
        'elapsed',
        '--calendar',
        file('bad.yaml', 'timeZone: Mars/Base\nweek:\n  mon: [["08:00", "25:00"]]\n'),
        '--from',
        '2016-03-25',
        '--to',
        '2016-03-26',
      ],
      'week.mon[0][1]: "25:00" is not a time',
    ],
    [
      'a bad time',
      ['elapsed', '--calendar', yaml, '--from', '2016-02-30T08:00', '--to', '2016-03-25T09:00'],
      '--from "2016-02-30T08:00" is not a time',
    ],
    [
      'a bad duration',
      ['add', '--calendar', yaml, '--from', '2016-03-25T08:00', '--duration', '2 days'],
      '--duration "2 days" is not a duration',
    ],
    [
      'end of day without working days',
      [
        'add',
        '--calendar',
        yaml,
        '--from',
        '2016-03-25T08:00',
        '--duration',
        '4h',
        '--end-of-working-day',
      ],
      '--end-of-working-day only applies',
    ],
  ])('refuses %s with exit code 2', (_, args, message) => {
    const r = charter(['clock', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});
