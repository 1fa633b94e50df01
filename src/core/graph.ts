/**
 * Dependency graph algorithms on plain adjacency data. Edges point from the dependent service
 * to the service it depends on.
 */

export interface Edge<Id extends string = string> {
  fromId: Id;
  toId: Id;
}

/**
 * Adding `fromId → toId` closes a cycle when `fromId` is already reachable from `toId`.
 * Returns that cycle as a path starting and ending at `fromId` (e.g. [a, b, c, a]), or null.
 */
export function cycleThrough<Id extends string>(
  edges: readonly Edge<Id>[],
  fromId: Id,
  toId: Id,
): Id[] | null {
  if (fromId === toId) return [fromId, fromId];
  const next = new Map<Id, Id[]>();
  for (const e of edges) {
    const list = next.get(e.fromId);
    if (list) list.push(e.toId);
    else next.set(e.fromId, [e.toId]);
  }
  const parent = new Map<Id, Id | null>([[toId, null]]);
  const queue: Id[] = [toId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === fromId) {
      const path: Id[] = [];
      for (let at: Id | null = current; at !== null; at = parent.get(at) ?? null) path.push(at);
      return [fromId, ...path.reverse()];
    }
    for (const n of next.get(current) ?? []) {
      if (!parent.has(n)) {
        parent.set(n, current);
        queue.push(n);
      }
    }
  }
  return null;
}

export interface Reached<Id extends string = string> {
  id: Id;
  /** Shortest number of hops from the start. */
  depth: number;
}

/**
 * Every node reachable from `start` following `neighbours`, with its shortest depth; the start
 * itself is not included. Cycles are walked once.
 */
export function reachable<Id extends string>(
  start: Id,
  neighbours: (id: Id) => readonly Id[],
): Reached<Id>[] {
  const depth = new Map<Id, number>([[start, 0]]);
  const queue: Id[] = [start];
  const out: Reached<Id>[] = [];
  for (let i = 0; i < queue.length; i += 1) {
    const current = queue[i]!;
    const d = depth.get(current)!;
    for (const n of neighbours(current)) {
      if (!depth.has(n)) {
        depth.set(n, d + 1);
        queue.push(n);
        out.push({ id: n, depth: d + 1 });
      }
    }
  }
  return out;
}
