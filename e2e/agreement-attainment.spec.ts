import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

test('agreement attainment: portfolio chart, table, targets, sort and CSV; section on the service page', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Agreement attainment' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agreement attainment' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Attainment per agreement and review period' });
  const empty = page.getByText('No agreement was in effect in this range');
  await expect(table.or(empty)).toBeVisible();

  // A range before any agreement: nothing, said plainly.
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await page.getByLabel('To (inclusive)', { exact: true }).fill('2020-03-31');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expect(empty).toBeVisible();

  // The demo's signed agreement over the last 4 completed months.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Review period', { exact: true }).selectOption('month');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/period=month/);
  await expect(table).toBeVisible();
  await expect(page.getByRole('img', { name: 'Compliance % per period' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Net money per period/ })).toBeVisible();
  const rows = table.locator('tbody > tr');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(4);
  await expect(rows.first()).toContainText('SLA-0001');
  await expect(rows.first()).toContainText(/\d+(\.\d+)? %|–/);

  await rows
    .first()
    .getByRole('button', { name: /^Targets/ })
    .click();
  const targets = page.getByRole('table', { name: /^Targets of SLA-0001/ });
  await expect(targets).toBeVisible();
  await expect(targets.getByRole('cell', { name: /^Availability/ })).toBeVisible();
  await expect(targets.getByText(/^(Met|Missed|No data)$/).first()).toBeVisible();
  await rows
    .first()
    .getByRole('button', { name: /^Hide targets/ })
    .click();

  await table.getByRole('button', { name: /^Net/ }).click();
  await expect(page).toHaveURL(/sort=net/);

  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  const csv = decodeURIComponent(href!.replace(/^data:text\/csv;charset=utf-8,/, ''));
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/^code,title,serviceSlug,/);
  expect(lines).toHaveLength(1 + shown);

  // The service page shows the agreement's latest periods.
  await page.goto('/services/online-marketplace');
  const section = page.getByRole('region', { name: 'Agreement attainment' });
  await expect(section.getByRole('table', { name: /^Agreement attainment of / })).toBeVisible();
  await expect(section.getByText('SLA-0001').first()).toBeVisible();
  await expect(section.getByText('In progress')).toBeVisible();
});
