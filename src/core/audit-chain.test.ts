import { describe, expect, it } from 'vitest';
import { ChainVerifier, canonicalJson, genesisHash, seal, type AuditEntry } from './audit-chain.js';

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= n; seq += 1) {
    const e = seal({
      seq,
      at: `2026-01-01T00:00:0${seq}.000Z`,
      actorId: 'a',
      actorName: 'Ann',
      action: 'team.created',
      entityType: 'team',
      entityId: `t${seq}`,
      before: null,
      after: { name: `Team ${seq}`, n: seq },
      requestId: 'r',
      prevHash: prev,
    });
    entries.push(e);
    prev = e.hash;
  }
  return entries;
}

const verify = (entries: AuditEntry[], head: { seq: number; hash: string }) => {
  const v = new ChainVerifier();
  for (const e of entries) if (!v.next(e)) break;
  return v.finish(head);
};

describe('canonicalJson', () => {
  it('orders keys so equal content gives equal text', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});

describe('ChainVerifier', () => {
  const entries = chain(5);
  const head = { seq: 5, hash: entries[4]!.hash };

  it('accepts an intact chain', () => {
    expect(verify(entries, head)).toBeNull();
  });

  it.each([
    [
      'an edited field',
      (es: AuditEntry[]) =>
        es.map((e) => (e.seq === 3 ? { ...e, after: { name: 'Changed', n: 3 } } : e)),
      3,
      'edited',
    ],
    [
      'an edited actor',
      (es: AuditEntry[]) => es.map((e) => (e.seq === 2 ? { ...e, actorName: 'Mallory' } : e)),
      2,
      'edited',
    ],
    ['a removed entry', (es: AuditEntry[]) => es.filter((e) => e.seq !== 2), 3, 'gap'],
    [
      'two swapped entries',
      (es: AuditEntry[]) => [es[0]!, es[2]!, es[1]!, es[3]!, es[4]!],
      3,
      'gap',
    ],
    [
      'swapped contents with renumbered seqs',
      (es: AuditEntry[]) => [es[0]!, { ...es[2]!, seq: 2 }, { ...es[1]!, seq: 3 }, es[3]!, es[4]!],
      2,
      'broken_link',
    ],
  ])('names the first bad entry after %s', (_label, tamper, seq, kind) => {
    const problem = verify(tamper(entries), head);
    expect(problem?.seq).toBe(seq);
    expect(problem?.kind).toBe(kind);
  });

  it('detects a removed tail from the recorded head', () => {
    const problem = verify(entries.slice(0, 3), head);
    expect(problem).toMatchObject({ kind: 'truncated', seq: 4 });
  });

  it('detects a re-sealed forgery that does not link', () => {
    const forged = entries.map((e) =>
      e.seq === 4 ? seal({ ...e, after: { name: 'Forged', n: 4 } }) : e,
    );
    const problem = verify(forged, head);
    expect(problem).toMatchObject({ kind: 'broken_link', seq: 5 });
  });
});
