import { describe, expect, it } from 'vitest';
import { cycleThrough, reachable, type Edge } from './graph.js';

const edges = (spec: string): Edge[] =>
  spec.split(' ').map((pair) => {
    const [fromId, toId] = pair.split('>') as [string, string];
    return { fromId, toId };
  });

describe('cycleThrough', () => {
  const graph = edges('shop>pay pay>db shop>search search>db db>disk');

  it('finds no cycle for an edge that keeps the graph acyclic', () => {
    expect(cycleThrough(graph, 'shop', 'disk')).toBeNull();
    expect(cycleThrough(graph, 'search', 'pay')).toBeNull();
  });

  it('names the whole cycle an edge would close', () => {
    expect(cycleThrough(graph, 'disk', 'shop')).toEqual(['disk', 'shop', 'pay', 'db', 'disk']);
    expect(cycleThrough(graph, 'db', 'search')).toEqual(['db', 'search', 'db']);
    expect(cycleThrough(graph, 'db', 'pay')).toEqual(['db', 'pay', 'db']);
  });

  it('treats a self-edge as a cycle', () => {
    expect(cycleThrough(graph, 'db', 'db')).toEqual(['db', 'db']);
  });
});

describe('reachable', () => {
  it('returns every node once with its shortest depth, through cycles', () => {
    const graph = edges('a>b b>c a>c c>d d>b');
    const next = (id: string) => graph.filter((e) => e.fromId === id).map((e) => e.toId);
    expect(reachable('a', next)).toEqual([
      { id: 'b', depth: 1 },
      { id: 'c', depth: 1 },
      { id: 'd', depth: 2 },
    ]);
    expect(reachable('d', next).map((r) => r.id)).toEqual(['b', 'c']);
  });
});
