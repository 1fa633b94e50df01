import { expect, test } from '@playwright/test';
import { openDatabase } from '../src/db/database.js';
import { unitOfWork } from '../src/db/store.js';
import { notify } from '../src/app/notifications/notify.js';
import { systemActor } from '../src/core/actor.js';
import { systemEnvironment } from '../src/server/environment.js';
import { admin, signIn, unique } from './helpers.js';

/** Notifies the demo admin through the same use case the server's features call. */
async function notifyAdmin(subjects: string[]) {
  const db = openDatabase(`sqlite:${process.env.CHARTER_E2E_DB}`);
  try {
    const uow = unitOfWork(db);
    const person = (await uow.read.people.findByEmail(admin.email))!;
    const ctx = { actor: systemActor(person.id, 'e2e'), requestId: null, env: systemEnvironment };
    for (const subject of subjects)
      await uow.transaction((repos) =>
        notify(repos, ctx, {
          eventKey: `e2e:${subject}`,
          recipientId: person.id,
          subject,
          body: 'Please have a look at the portfolio.',
          link: '/portfolio',
        }),
      );
  } finally {
    await db.close();
  }
}

test('notifications: the bell, marking read, the email preference and the held outbox', async ({
  page,
}) => {
  await signIn(page);
  const first = unique('Nomination');
  const second = unique('Review due');
  await notifyAdmin([first, second]);
  await page.reload();
  const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  const before = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
  expect(before).toBeGreaterThanOrEqual(2);

  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: first });
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: 'Mark read' }).click();
  await expect(item.getByRole('button', { name: 'Mark read' })).toHaveCount(0);
  await expect(
    page.getByRole('link', { name: `Notifications, ${before - 1} unread` }),
  ).toBeVisible();

  await page.getByLabel('Unread only').check();
  await expect(page).toHaveURL(/unread=true/);
  await expect(page.getByRole('listitem').filter({ hasText: first })).toHaveCount(0);
  const open = page.getByRole('listitem').filter({ hasText: second });
  await open.getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/portfolio/);

  await page.goto('/account');
  await page.getByRole('radio', { name: /Daily digest/ }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radio', { name: /Daily digest/ })).toBeChecked();

  // No SMTP server is configured: the scheduler holds the emails, and the outbox shows them.
  await page.goto('/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Email outbox' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: first });
  await expect(row).toContainText('not sent: SMTP not configured', { timeout: 20_000 });
  await expect(row).toContainText('Held (no SMTP)');
  await page.getByLabel('Status').selectOption('held');
  await expect(page).toHaveURL(/status=held/);
  await expect(page.getByRole('row').filter({ hasText: second })).toBeVisible();
});
