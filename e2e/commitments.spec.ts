import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

test('the demo shows the CIO’s unbacked promise, the report by maker, and RACI views', async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Commitments', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Commitments', level: 1 })).toBeVisible();
  const cioRow = page.getByRole('row').filter({ hasText: 'available 99.95 %' });
  await expect(cioRow).toContainText('Amira Okafor');
  await expect(cioRow).toContainText('Platform Engineering');
  await expect(cioRow).toContainText('Unbacked — not accepted');
  await expect(page.getByRole('row').filter({ hasText: 'Wi-Fi' })).toContainText(
    'Rejected — unbacked',
  );

  await page.getByLabel('Backing').selectOption('backed');
  await expect(page).toHaveURL(/backing=backed/);
  await expect(page.getByRole('row').filter({ hasText: 'Refunds' })).toContainText(
    'Backed — accepted',
  );
  await expect(page.getByRole('row').filter({ hasText: 'available 99.95 %' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Unbacked report' }).click();
  await expect(page.getByRole('heading', { name: /Amira Okafor/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Dana Whitfield/ })).toBeVisible();

  await page.goto('/services/online-marketplace');
  const raci = page.getByRole('region', { name: 'RACI' });
  await expect(raci.getByRole('row').filter({ hasText: 'A — Accountable' })).toContainText(
    'Amira Okafor',
  );
  await expect(raci.getByRole('link', { name: 'Download RACI (CSV)' })).toBeVisible();

  await page.goto('/raci');
  await expect(page.getByRole('heading', { name: 'RACI by practice' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'A — Accountable' })).toContainText(
    'Patrick Doyle',
  );
});
