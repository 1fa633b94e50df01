import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadDemo } from '../../app/demo/load-demo.js';
import { demoAdmin } from '../../app/demo/demo-organisation.js';
import { loadConfig } from '../../config.js';
import { migrateToLatest, openConfiguredDatabase } from '../../db/database.js';
import { unitOfWork } from '../../db/store.js';
import { buildServer } from '../../server/app.js';
import { systemEnvironment } from '../../server/environment.js';
import { configuredMailer, notificationSettings } from '../../server/mailer.js';
import { startScheduler } from '../../server/scheduler.js';
import { schedulerJobs } from '../../app/scheduler/jobs.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  demo?: boolean;
}

/** The built web UI: dist/web, or CHARTER_WEB_DIR when the build was written elsewhere. */
export const webRoot =
  process.env.CHARTER_WEB_DIR ?? fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** Starts Charter: migrates, optionally loads the demo into an empty database, serves API and UI. */
export async function serve(options: ServeOptions): Promise<void> {
  const config = loadConfig({
    ...process.env,
    ...(options.port ? { PORT: options.port } : {}),
    ...(options.host ? { HOST: options.host } : {}),
  });
  const db = openConfiguredDatabase(config);
  const { applied } = await migrateToLatest(db);
  const uow = unitOfWork(db);
  let demoLoaded = false;
  if (options.demo) {
    const outcome = await loadDemo(uow, systemEnvironment);
    demoLoaded = outcome.loaded;
    if (outcome.loaded) {
      console.log(
        `Loaded the demo retailer: ${outcome.people} people, ${outcome.teams} teams, ${outcome.orgUnits} organisation units, ${outcome.services} services and ${outcome.dependencies} dependencies.`,
      );
    }
  }
  if (!existsSync(`${webRoot}/index.html`)) {
    console.warn(
      'The web UI is not built, so only the API is served. Build it with: npm run build:web',
    );
  }
  const app = await buildServer({ config, db, uow, env: systemEnvironment, webRoot });
  // Background jobs: every instance runs a scheduler; a lease per job lets one run it at a time.
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const mailer = configuredMailer(config);
  const scheduler =
    config.CHARTER_SCHEDULER === 'on'
      ? startScheduler({
          uow,
          env: systemEnvironment,
          instanceId,
          log: app.log,
          jobs: schedulerJobs({
            uow,
            env: systemEnvironment,
            instanceId,
            mailer,
            settings: notificationSettings(config),
          }),
        })
      : null;
  if (!mailer) app.log.info('CHARTER_SMTP_URL is not set: emails are held in the outbox');
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await scheduler?.stop();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  console.log(
    `\nCharter is running at http://${shownHost}:${port}  (database: ${db.dialect}${applied.length ? `, migrations applied: ${applied.join(', ')}` : ''})`,
  );
  console.log(`API documentation: http://${shownHost}:${port}/api/docs`);
  if (options.demo) {
    console.log(
      demoLoaded
        ? `Sign in as ${demoAdmin.email} with the password ${demoAdmin.password}\n`
        : `Demo sign-in (if the demo was loaded earlier and not changed): ${demoAdmin.email} / ${demoAdmin.password}\n`,
    );
  }
}
