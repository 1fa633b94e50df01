/**
 * Real databases for tests: SQLite always; PostgreSQL too when TEST_DATABASE_URL or
 * DATABASE_URL points at one. Each test database is fresh: a temporary SQLite file, or a
 * PostgreSQL schema of its own that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db } from '../src/db/database.js';
import { unitOfWork } from '../src/db/store.js';
import type { UnitOfWork } from '../src/app/ports.js';

const postgresUrl = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL].find(
  (u) => u && /^postgres(ql)?:\/\//.test(u),
);

export const dialects: ('sqlite' | 'postgres')[] = postgresUrl
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestDatabase {
  db: Db;
  uow: UnitOfWork;
  /** A DATABASE_URL another process (the CLI) can open to reach the same data. */
  url: string;
  /** Extra environment that process needs (PostgreSQL: the schema's search path). */
  processEnv: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'charter-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const db = openDatabase(url);
    await migrateToLatest(db);
    return {
      db,
      uow: unitOfWork(db),
      url,
      processEnv: {},
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error('PostgreSQL tests need TEST_DATABASE_URL or DATABASE_URL');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDatabase(postgresUrl, { schema, poolSize: 5 });
  await migrateToLatest(db);
  return {
    db,
    uow: unitOfWork(db),
    url: postgresUrl,
    processEnv: { DATABASE_SCHEMA: schema },
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
