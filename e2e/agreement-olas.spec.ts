import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

// Changes the demo's signed marketplace agreement through a new version and withdraws that
// version at the end, so the demo reads as before for the other browser tests.
test('agreement OLAs: a new version changes one OLA and adds another; the diff lists them; withdrawn', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/agreements/SLA-0001');
  await expect(page.getByRole('heading', { level: 1, name: /SLA-0001/ })).toBeVisible();
  const olaTable = page.getByRole('table', { name: 'OLAs and their acknowledgements' });
  await expect(olaTable.locator('tbody > tr')).toHaveCount(3);
  await expect(olaTable.getByRole('row', { name: /ola-network/ })).toContainText('Availability');

  await page.getByRole('button', { name: 'Draw up a new version' }).click();
  const form = page.getByRole('form', { name: 'New version' });
  await form.getByLabel('Change the OLAs').check();

  // Platform Engineering restores within 3 hours instead of 4.
  const platform = form.getByRole('group', { name: 'OLA ola-platform' });
  await expect(platform.getByLabel('Team', { exact: true })).toHaveValue(/.+/);
  await expect(platform.getByLabel('Within')).toHaveValue('4');
  await platform.getByLabel('Within').fill('3');

  // A new OLA: it takes the first free key and starts on the service hours.
  await form.getByRole('button', { name: 'Add an OLA' }).click();
  const added = form.getByRole('group', { name: 'OLA ola-1' });
  await expect(added).toBeVisible();
  await expect(added.getByLabel('Calendar')).not.toHaveValue('');

  // Sent without a team or a description: the API's errors show next to the fields.
  await form.getByLabel('Why this version').fill('Data & Analytics backs availability');
  await form.getByRole('button', { name: 'Draw up the new version' }).click();
  await expect(added.getByText('choose the team that commits to this')).toBeVisible();
  await expect(added.getByLabel('What the team commits to')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(platform.locator('.field__error')).toHaveCount(0);

  await added.getByLabel('Team', { exact: true }).selectOption({ label: 'Data & Analytics' });
  await added
    .getByLabel('What the team commits to')
    .fill('Data & Analytics restores the search index within 2 hours');
  await added.getByLabel('Priority').selectOption('P1');
  await added.getByLabel('Metric').selectOption('resolution');
  await added.getByLabel('Within').fill('2');
  await added.getByLabel('Unit').selectOption('hours');
  await added.getByRole('checkbox', { name: 'Availability' }).check();
  await form.getByRole('button', { name: 'Draw up the new version' }).click();
  await expect(form).toBeHidden();

  // Version 2 is pending with 4 OLAs, none acknowledged.
  await expect(page.getByRole('heading', { level: 2, name: /^Version 2/ })).toContainText(
    'Pending',
  );
  await expect(olaTable.locator('tbody > tr')).toHaveCount(4);
  const newRow = olaTable.getByRole('row', { name: /ola-1/ });
  await expect(newRow).toContainText('Data & Analytics');
  await expect(newRow).toContainText('Availability');
  await expect(newRow).toContainText('P1 resolution within 2 business hours');
  for (const row of await olaTable.locator('tbody > tr').all())
    await expect(row).toContainText(/not acknowledged/i);
  await expect(olaTable.getByRole('row', { name: /ola-platform/ })).toContainText(
    'within 3 business hours',
  );

  const changes = page.getByRole('list', { name: 'Changes from version 1 to 2' });
  await expect(changes).toContainText(
    'OLA ola-platform target: P2 resolution within 4 business hours → P2 resolution within 3 business hours',
  );
  await expect(changes).toContainText('OLA ola-1 added: Data & Analytics');
  await expect(changes.getByRole('listitem')).toHaveCount(2);

  // Withdrawn: version 1 stays in force and the demo is as it was.
  await page.getByRole('button', { name: 'Withdraw version 2' }).click();
  await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Version 1/ })).toContainText('Active');
  await expect(
    page.getByRole('table', { name: 'Versions, newest first' }).getByRole('row', { name: /^2 / }),
  ).toContainText('Withdrawn');
  await expect(olaTable.locator('tbody > tr')).toHaveCount(3);
});
