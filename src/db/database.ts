import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL schema in use when not the default. */
  schema?: string;
  /**
   * The data version: the audit head's sequence number as committed. Every change that matters
   * appends an audit entry in its own transaction, so an unchanged version means unchanged data.
   */
  dataVersion(): Promise<number>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: a schema to create and use (tests isolate themselves this way). */
  schema?: string;
  poolSize?: number;
}

/** Opens `sqlite:<path>` (or `sqlite::memory:`) or `postgres://...`. */
export function openDatabase(url: string, options: OpenOptions = {}): Db {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = new Sqlite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    // A second, read-only connection sees only committed data (WAL) and answers the data
    // version synchronously from a prepared statement: it is asked on every API request.
    let reader: Sqlite.Database | undefined;
    let statement: Sqlite.Statement<[], { seq: number }> | undefined;
    const dataVersion = async () => {
      if (path === ':memory:') return headSeq(kysely);
      if (!statement) {
        reader = new Sqlite(path, { readonly: true, fileMustExist: true });
        statement = reader.prepare<[], { seq: number }>('select seq from audit_head where id = 1');
      }
      return statement.get()?.seq ?? 0;
    };
    return {
      kysely,
      dialect: 'sqlite',
      dataVersion,
      close: async () => {
        reader?.close();
        await kysely.destroy();
      },
    };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      kysely,
      dialect: 'postgres',
      dataVersion: () => headSeq(kysely),
      ...(options.schema ? { schema: options.schema } : {}),
      close: () => kysely.destroy(),
    };
  }
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}

async function headSeq(kysely: Kysely<Database>): Promise<number> {
  const head = await kysely
    .selectFrom('audit_head')
    .select('seq')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(head?.seq ?? 0);
}

/** Opens the database the configuration names (DATABASE_URL, DATABASE_SCHEMA). */
export const openConfiguredDatabase = (config: {
  DATABASE_URL: string;
  DATABASE_SCHEMA?: string | undefined;
}): Db =>
  openDatabase(
    config.DATABASE_URL,
    config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {},
  );

export interface MigrationOutcome {
  applied: string[];
}

/** Applies every pending migration; fails loudly and applies nothing more on error. */
export async function migrateToLatest(db: Db): Promise<MigrationOutcome> {
  if (db.schema) await sql`create schema if not exists ${sql.id(db.schema)}`.execute(db.kysely);
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error)
      return {
        applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
      };
    // Before it runs anything, the migrator looks for its own tables by scanning the catalog of
    // every schema; when another schema is dropped during that scan (tests drop theirs), PostgreSQL
    // reports a schema, table or column missing. Nothing was applied, so looking again is safe.
    const ran = results?.some((r) => r.status !== 'NotExecuted') ?? false;
    if (attempt < 8 && !ran && isConcurrentCatalogChange(error)) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
}

/** Undefined schema, table or column: what a concurrent drop looks like mid-scan. */
function isConcurrentCatalogChange(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '3F000' || code === '42P01' || code === '42703';
}
