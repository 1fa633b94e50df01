import { describe, expect, it } from 'vitest';
import type { PersonId } from './ids.js';
import { createsManagementLoop, normaliseEmail } from './people.js';

const id = (s: string) => s as PersonId;

describe('createsManagementLoop', () => {
  const managers: Record<string, string | null> = {
    ceo: null,
    cio: 'ceo',
    lead: 'cio',
    dev: 'lead',
  };
  const managerOf = (p: PersonId) => (managers[p] ?? null) as PersonId | null;

  it.each([
    ['ceo', 'dev', true],
    ['cio', 'lead', true],
    ['dev', 'cio', false],
    ['lead', null, false],
    ['ceo', 'ceo', true],
  ])('%s reporting to %s loops: %s', (person, manager, loops) => {
    expect(createsManagementLoop(id(person), manager ? id(manager) : null, managerOf)).toBe(loops);
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () =>
    expect(normaliseEmail('  Ann.Lee@Example.COM ')).toBe('ann.lee@example.com'));
});
