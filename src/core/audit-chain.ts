import { createHash } from 'node:crypto';

/** One entry of the append-only audit log, as hashed. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export type UnhashedEntry = Omit<AuditEntry, 'hash'>;

/** The hash that precedes the first entry. */
export const genesisHash = '0'.repeat(64);

/** JSON with object keys sorted, so the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The hash of an entry covers all of its content and the previous entry's hash. */
export function entryHash(entry: UnhashedEntry): string {
  return sha256(
    canonicalJson({
      seq: entry.seq,
      at: entry.at,
      actorId: entry.actorId,
      actorName: entry.actorName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId,
      prevHash: entry.prevHash,
    }),
  );
}

export function seal(entry: UnhashedEntry): AuditEntry {
  return { ...entry, hash: entryHash(entry) };
}

export type ChainProblem =
  | { kind: 'gap'; seq: number; expectedSeq: number; message: string }
  | { kind: 'edited'; seq: number; message: string }
  | { kind: 'broken_link'; seq: number; message: string }
  | { kind: 'truncated'; seq: number; message: string };

/**
 * Checks a chain read in `seq` order, page by page. Feed entries with `next`, then `finish`
 * with the head the database recorded (last seq and hash) to detect a removed tail.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = genesisHash;
  problem: ChainProblem | null = null;
  checked = 0;

  next(entry: AuditEntry): boolean {
    if (this.problem) return false;
    if (entry.seq !== this.expectedSeq) {
      this.problem = {
        kind: 'gap',
        seq: entry.seq,
        expectedSeq: this.expectedSeq,
        message: `entry #${entry.seq} follows #${this.expectedSeq - 1}: entry #${this.expectedSeq} is missing or the entries were reordered`,
      };
      return false;
    }
    if (entry.prevHash !== this.prevHash) {
      this.problem = {
        kind: 'broken_link',
        seq: entry.seq,
        message: `entry #${entry.seq} does not link to the hash of entry #${entry.seq - 1}: entries were removed, replaced or reordered`,
      };
      return false;
    }
    if (entryHash(entry) !== entry.hash) {
      this.problem = {
        kind: 'edited',
        seq: entry.seq,
        message: `entry #${entry.seq} was edited: its content no longer matches its hash`,
      };
      return false;
    }
    this.prevHash = entry.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return true;
  }

  finish(head: { seq: number; hash: string }): ChainProblem | null {
    if (this.problem) return this.problem;
    const lastSeq = this.expectedSeq - 1;
    if (head.seq !== lastSeq || head.hash !== this.prevHash) {
      this.problem = {
        kind: 'truncated',
        seq: lastSeq + 1,
        message: `the log ends at entry #${lastSeq} but entry #${head.seq} was the last one written: entries at the end were removed or altered`,
      };
    }
    return this.problem;
  }
}
