import { rmSync } from 'node:fs';

/** Removes the run's SQLite database (and its WAL files) created for the e2e server. */
export default function globalTeardown(): void {
  const file = process.env.CHARTER_E2E_DB;
  if (!file || !/\/data\/e2e-[\w-]+\.db$/.test(file)) return;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
