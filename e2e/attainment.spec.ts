import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

test('SLA attainment from the demo history: chart, table, filters and CSV', async ({ page }) => {
  await signIn(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'SLA attainment' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'SLA attainment' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Attainment per period, service and priority' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Online marketplace' }).first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Attainment % per period' })).toBeVisible();
  await expect(page.getByText(/tickets: \d+ met, \d+ breached/)).toBeVisible();

  await page.getByLabel('Period', { exact: true }).selectOption('quarter');
  await page.getByLabel('Priority', { exact: true }).selectOption('P1');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/period=quarter/);
  await expect(page).toHaveURL(/priority=P1/);
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toContainText(/\d{4}-Q\d/);
  const count = await rows.count();
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText('P1');

  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(href).toContain('format=csv');
  expect(href).toContain('period=quarter');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\r\n')[0]).toMatch(/^period,serviceSlug,serviceName,priority/);
});
