import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

test('saving over someone else’s change shows the stale-record message', async ({ page }) => {
  await signIn(page);
  await page.goto('/org-units');
  const firstUnit = page.getByRole('table').getByRole('row').nth(1).getByRole('link').first();
  await firstUnit.click();
  await expect(page).toHaveURL(/\/org-units\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('form', { name: 'Edit organisation unit' })).toBeVisible();

  // Someone else changes the record meanwhile (same session, through the API).
  const current = await page.request.get(`/api/v1/org-units/${id}`);
  expect(current.ok()).toBe(true);
  const etag = current.headers()['etag']!;
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'charter_csrf')!.value;
  const changed = await page.request.patch(`/api/v1/org-units/${id}`, {
    headers: { 'If-Match': etag, 'X-CSRF-Token': csrf },
    data: { description: `Changed elsewhere at ${new Date().toISOString()}` },
  });
  expect(changed.status()).toBe(200);

  await page.getByLabel('Description').fill('My edit, based on an old version');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'Someone else changed this record; reload to see their changes',
  );

  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Description')).toHaveValue(/Changed elsewhere at/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
