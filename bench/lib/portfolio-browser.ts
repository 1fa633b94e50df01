import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createAdmin } from '../../src/app/auth/create-admin.js';
import type { UnitOfWork } from '../../src/app/ports.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import { buildServer } from '../../src/server/app.js';
import { systemEnvironment } from '../../src/server/environment.js';
import { chromiumLaunchOptions } from '../../e2e/chromium.js';

/**
 * The portfolio page in Chromium against the real server (in-process, 127.0.0.1): time to the
 * first table row, time until every service is loaded by scrolling, and how many rows the DOM
 * holds (the table is virtualised, so it should stay small).
 */
export interface BrowserRun {
  firstRowMs: number;
  allLoadedMs: number;
  domRowsAtFirstRow: number;
  domRowsAtEnd: number;
  loaded: number;
}

const ROW = 'table.table--portfolio tbody tr[data-index]';
const EMAIL = 'bench-browser@bench.example.org';
const PASSWORD = 'bench-browser-password-1';

/**
 * Scrolls to the bottom until the status reads "All N services loaded"; resolves with the time
 * since navigation start. A string, not a function: tsx would wrap named closures in a helper
 * (`__name`) that does not exist in the page.
 */
const scrollToEnd = (total: number) => `new Promise((resolve, reject) => {
  const deadline = performance.now() + 120000;
  const tick = () => {
    const text = document.querySelector('.list-footer__count')?.textContent ?? '';
    const loaded = Number(text.replace(/\\D/g, ''));
    if (text.startsWith('All ') && loaded >= ${total})
      return resolve({ ms: performance.now(), loaded, rows: document.querySelectorAll(${JSON.stringify(ROW)}).length });
    if (performance.now() > deadline) return reject(new Error('stuck at ' + text));
    window.scrollTo(0, document.documentElement.scrollHeight);
    setTimeout(tick, 16);
  };
  tick();
})`;

export async function portfolioInBrowser(
  root: string,
  db: Db,
  uow: UnitOfWork,
  url: string,
  expected: number,
  runs: number,
): Promise<BrowserRun[]> {
  const webRoot = join(root, 'dist', 'web');
  if (!existsSync(join(webRoot, 'index.html'))) {
    console.error('building the web UI (npm run build:web)…');
    execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: ['ignore', 2, 2] });
  }
  await createAdmin(uow, systemEnvironment, {
    email: EMAIL,
    name: 'Bench Browser',
    password: PASSWORD,
  });
  const app = await buildServer({
    config: loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }),
    db,
    uow,
    env: systemEnvironment,
    webRoot,
    logger: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Sign in through the API; the session and CSRF cookies land in the browser context.
    const login = await context.request.post(`${base}/api/v1/auth/login`, {
      data: { email: EMAIL, password: PASSWORD },
    });
    if (!login.ok()) throw new Error(`login answered ${login.status()}: ${await login.text()}`);
    const results: BrowserRun[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      // lifecycle=all: every service, retired included (the default view hides retired ones).
      await page.goto(`${base}/portfolio?lifecycle=all`, { waitUntil: 'commit' });
      // performance.now() in the page counts from the navigation start.
      const firstRowMs = (await (
        await page.waitForFunction(
          (sel) => {
            const row = document.querySelector(sel);
            return row && row.getBoundingClientRect().height > 0 ? performance.now() : null;
          },
          ROW,
          { timeout: 30_000 },
        )
      ).jsonValue()) as number;
      const domRowsAtFirstRow = await page.locator(ROW).count();
      const end = await page.evaluate<{ ms: number; loaded: number; rows: number }>(
        scrollToEnd(expected),
      );
      results.push({
        firstRowMs,
        allLoadedMs: end.ms,
        domRowsAtFirstRow,
        domRowsAtEnd: end.rows,
        loaded: end.loaded,
      });
      console.error(
        `  browser run ${i + 1}: first row ${firstRowMs.toFixed(0)} ms, all ${end.loaded} loaded ${end.ms.toFixed(0)} ms, DOM rows ${domRowsAtFirstRow} → ${end.rows}`,
      );
      await page.close();
    }
    await context.close();
    return results;
  } finally {
    await browser.close();
    await app.close();
  }
}
