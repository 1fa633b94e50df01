import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers.js';

test('people: filter, sort, export exactly what is shown, and field errors from the API', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'People' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

  await page.getByLabel('Seniority').selectOption('executive');
  await page.getByRole('button', { name: /^Name/ }).click(); // name ascending → descending
  await expect(page).toHaveURL(/seniority=executive/);
  await expect(page).toHaveURL(/sort=-name/);
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const names = await page.locator('tbody tr td:first-child a').allTextContents();
  expect(names.length).toBeGreaterThan(1);
  expect([...names].sort((a, b) => b.localeCompare(a))).toEqual(names);

  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  const params = new URL(href!, 'http://x').searchParams;
  expect(params.get('format')).toBe('csv');
  expect(params.get('seniority')).toBe('executive');
  expect(params.get('sort')).toBe('-name');
  const csv = await (await page.request.get(href!)).text();
  expect(csv.trim().split(/\r?\n/)).toHaveLength(names.length + 1);

  // A duplicate email is reported next to the Email field.
  const taken = await page
    .locator('tbody tr')
    .first()
    .locator('.cell-sub, td:nth-child(2)')
    .first()
    .textContent();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name').fill(unique('Duplicate'));
  await page.getByLabel('Email').fill(taken!.trim());
  await page.getByRole('button', { name: 'Create person' }).click();
  await expect(page.locator('.field--invalid').filter({ hasText: 'Email' })).toContainText(
    /already/,
  );

  // Fix it and create the person; then deactivate with confirmation.
  const email = `${Date.now().toString(36)}@e2e.charter.example`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Seniority').selectOption('manager');
  await page.getByRole('button', { name: 'Create person' }).click();
  await expect(page.getByRole('link', { name: email })).toBeVisible();
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('button', { name: 'Yes, deactivate' }).click();
  await expect(page.locator('.details')).toContainText('Inactive');
});
