import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { signIn, unique } from './helpers.js';

/** A person who can sign in, created on the server's database as an operator would. */
function createAccount(name: string, email: string, password: string): void {
  const result = spawnSync(
    process.execPath,
    ['bin/charter.mjs', 'admin', 'create', '--email', email, '--name', name],
    {
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${process.env.CHARTER_E2E_DB}`,
        LOG_LEVEL: 'silent',
      },
      input: `${password}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(result.status, result.stderr).toBe(0);
}

/** The management commitment index shown on the page (service card or governance page). */
async function indexValue(page: Page): Promise<number> {
  const figure = page.getByTestId('commitment-index').first();
  await expect(figure).toHaveText(/^\d+\.\d$/);
  return Number(await figure.textContent());
}

test('an admin nominates, the nominee signs in and accepts, the index and the service view change', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = unique('Nina Nominee');
  const email = `${name.split(' ').pop()}@nominee.example.test`;
  const password = 'nominee-password-1';
  createAccount(name, email, password);

  await signIn(page);
  await page.goto('/governance');
  const portfolioBefore = await indexValue(page);
  await page.goto('/services/seller-portal');
  const serviceBefore = await indexValue(page);
  const ownership = page.getByRole('region', { name: 'Ownership' });
  await expect(ownership.getByTestId('service-owner')).toContainText('No accepted owner');
  await ownership.getByRole('button', { name: 'Nominate' }).click();
  await ownership.getByLabel('Role').selectOption('service_owner');
  await ownership.getByLabel('Nominee').selectOption({ label: name });
  await ownership.getByLabel('Message').fill('You run the seller portal day to day.');
  await ownership.getByRole('button', { name: 'Send nomination' }).click();
  await expect(ownership).toContainText(`${name} as service owner`);
  await ownership.getByRole('link', { name: `${name} as service owner` }).click();
  await expect(page.getByTestId('nomination-message')).toHaveText(
    'You run the seller portal day to day.',
  );
  await expect(page.getByRole('button', { name: 'Withdraw nomination' })).toBeVisible();

  await page.goto('/practices');
  const incident = page.getByRole('listitem', { name: 'Incident management' });
  await expect(incident.getByRole('button', { name: 'Nominate process owner' })).toBeVisible();
  await expect(incident.getByRole('button', { name: 'Deactivate' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, { email, password });
  await page.goto('/my-commitments');
  const item = page.getByRole('listitem', { name: /service owner of Marketplace seller portal/ });
  await expect(item.getByTestId('statement')).toContainText(
    `I, ${name}, accept personal accountability as service owner of Marketplace seller portal`,
  );
  const accept = item.getByRole('button', { name: 'Accept' });
  await expect(accept).toBeDisabled();
  await item.getByLabel('I accept this personally, as myself').check();
  await accept.click();
  await expect(
    page
      .getByRole('region', { name: 'My roles' })
      .getByText(/service owner of Marketplace seller portal/),
  ).toBeVisible();

  await page.goto('/roles?kind=service_owner&state=active');
  const roleRow = page.getByRole('row', { name: new RegExp(name) });
  await expect(roleRow).toContainText('Marketplace seller portal');
  await roleRow.getByRole('link', { name: 'Service owner' }).click();
  await expect(page.getByTestId('role-statement')).toContainText(
    `I, ${name}, accept personal accountability as service owner of Marketplace seller portal`,
  );
  await expect(page.getByRole('region', { name: 'Affirmations' })).toContainText('Accepted');

  // The accepted ownership raises the service's index and the portfolio's.
  await page.goto('/services/seller-portal');
  expect(await indexValue(page)).toBeGreaterThan(serviceBefore);
  await page.goto('/governance');
  expect(await indexValue(page)).toBeGreaterThan(portfolioBefore);

  await page.goto('/services/seller-portal/view');
  await page.getByRole('tab', { name: 'Table' }).click();
  const row = page.getByRole('row', { name: /Marketplace seller portal/ }).first();
  await expect(row).toContainText(name);
});
