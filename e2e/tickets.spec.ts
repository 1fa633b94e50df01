import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers.js';

test('open an incident, move it through its statuses, and read its history', async ({ page }) => {
  await signIn(page);
  await page.goto('/tickets');
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await page.getByRole('link', { name: 'New ticket' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New ticket' })).toBeVisible();

  const title = unique('E2E checkout errors');
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  await page.getByLabel('Priority').selectOption('P1');
  await page.getByLabel('Impact').selectOption('outage');
  const picker = page.getByRole('combobox', { name: 'Service' });
  await picker.fill('Online market');
  await page.getByRole('option', { name: /^Online marketplace/ }).click();
  await page.getByRole('button', { name: 'Open ticket' }).click();

  await expect(page).toHaveURL(/\/tickets\/INC-\d{6}$/);
  const number = /INC-\d{6}/.exec(page.url())![0];
  await expect(page.getByRole('heading', { level: 1, name: `${number}: ${title}` })).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByRole('link', { name: 'Online marketplace' })).toBeVisible();
  // Only the moves allowed from "new" are offered.
  const buttons = page.getByRole('region', { name: 'Change status' });
  await expect(buttons.getByRole('button', { name: 'Close' })).toHaveCount(0);

  await page.getByLabel('Note for the history (optional)').fill('Looking at the logs');
  await buttons.getByRole('button', { name: 'Start work' }).click();
  await expect(page.getByText('In progress').first()).toBeVisible();
  await buttons.getByRole('button', { name: 'Resolve' }).click();
  await expect(buttons.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await buttons.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('it is final')).toBeVisible();

  const history = page.getByRole('list', { name: 'Status history' });
  const items = history.getByRole('listitem');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText('New');
  await expect(items.nth(1)).toContainText('In progress');
  await expect(items.nth(1)).toContainText('Looking at the logs');
  await expect(items.nth(2)).toContainText('Resolved');
  await expect(items.nth(3)).toContainText('Closed');
  await expect(page.getByRole('region', { name: 'SLA timers' })).toBeVisible();

  await page.getByRole('link', { name: '← Tickets' }).click();
  await page.getByLabel('Open or done').selectOption('false');
  await expect(page).toHaveURL(/open=/);
  await expect(page.getByRole('link', { name: number })).toBeVisible();

  await page.goto('/services/online-marketplace');
  await expect(page.getByRole('heading', { level: 2, name: 'Availability' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Availability of Online marketplace' }),
  ).toBeVisible();
});
