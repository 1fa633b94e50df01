import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/database.js';

/** Fresh databases for benchmarks: a SQLite file under data/, or a PostgreSQL schema; both removed afterwards. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Backend {
  name: 'sqlite' | 'postgres';
  db: Db;
  url: string;
  cleanup(): Promise<void>;
}

export const stamp = () =>
  new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

export function openSqlite(ts: string, bench = 'api'): Promise<Backend> {
  const file = join(root, 'data', `bench-${bench}-${ts}.db`);
  const url = `sqlite:${file}`;
  const db = openDatabase(url);
  return Promise.resolve({
    name: 'sqlite',
    db,
    url,
    cleanup: async () => {
      await db.close();
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        rmSync(`${file}${suffix}`, { force: true });
    },
  });
}

export async function openPostgres(url: string, ts: string): Promise<Backend> {
  const schema = `bench_${ts.replace(/-/g, '_')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const db = openDatabase(url, { schema });
  return {
    name: 'postgres',
    db,
    url,
    cleanup: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`DROP SCHEMA "${schema}" CASCADE`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/**
 * Runs a benchmark on SQLite and, when DATABASE_URL points at PostgreSQL, on PostgreSQL too,
 * each on a fresh database removed afterwards. One backend failing still reports the others.
 */
export async function runOnBackends<R>(
  bench: string,
  runBackend: (backend: Backend) => Promise<R>,
): Promise<{ results: R[]; crashed: string[] }> {
  const ts = stamp();
  const backends: (() => Promise<Backend>)[] = [() => openSqlite(ts, bench)];
  const url = process.env.DATABASE_URL ?? '';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    backends.push(() => openPostgres(url, ts));
  const results: R[] = [];
  const crashed: string[] = [];
  for (const open of backends) {
    try {
      const backend = await open();
      try {
        results.push(await runBackend(backend));
      } finally {
        await backend.cleanup();
      }
    } catch (error) {
      crashed.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
  return { results, crashed };
}
