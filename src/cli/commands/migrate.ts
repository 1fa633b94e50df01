import { loadConfig } from '../../config.js';
import { migrateToLatest, openConfiguredDatabase } from '../../db/database.js';

export async function migrate(): Promise<void> {
  const config = loadConfig();
  const db = openConfiguredDatabase(config);
  try {
    const { applied } = await migrateToLatest(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await db.close();
  }
}
