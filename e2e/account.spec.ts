import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers.js';

test('account: create an API token, see it once, and revoke it', async ({ page }) => {
  await signIn(page);
  await page.goto('/account');
  const name = unique('e2e token');
  await page.getByLabel('Token name').fill(name);
  await page.getByLabel('Scope').selectOption('write');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = await page.getByLabel('New API token').inputValue();
  expect(secret.length).toBeGreaterThan(20);

  const me = await page.request.get('/api/v1/auth/me', {
    headers: { Authorization: `Bearer ${secret}` },
  });
  expect(me.status()).toBe(200);

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('New API token')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: /Revoke/ }).click();
  await row.getByRole('button', { name: 'Confirm revoke' }).click();
  await expect(row).toContainText('Revoked');
});
