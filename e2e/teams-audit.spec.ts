import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers.js';

test('an admin creates a team and finds its creation in the audit log', async ({ page }) => {
  await page.goto('/teams');
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  await signIn(page);
  await expect(page).toHaveURL(/\/teams$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();

  await page.getByRole('link', { name: 'New team' }).click();
  const name = unique('E2E Platform');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('Created by the end-to-end test.');

  // Lead: the first person offered. Members: the lead and the next person in the list.
  const lead = page.getByLabel('Lead', { exact: true });
  await expect(lead.locator('option').nth(1)).toBeAttached();
  await lead.selectOption({ index: 1 });
  const leadName = (await lead.locator('option:checked').textContent())!.trim();
  const members = page.getByRole('group', { name: /Members/ });
  await members.getByRole('checkbox').nth(0).check();
  await members.getByRole('checkbox').nth(1).check();
  const memberNames = members.locator('.multi__name');
  const firstMember = (await memberNames.nth(0).textContent())!.trim();
  const secondMember = (await memberNames.nth(1).textContent())!.trim();

  await page.getByRole('button', { name: 'Create team' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]{36}$/);
  const teamId = page.url().split('/').pop()!;
  const membersSection = page.getByRole('region', { name: /Members/ });
  await expect(membersSection.getByRole('link', { name: firstMember })).toBeVisible();
  await expect(membersSection.getByRole('link', { name: secondMember })).toBeVisible();
  await expect(page.locator('.details').getByRole('link', { name: leadName })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Entity type').fill('team');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/entityType=team/);

  const row = page
    .getByRole('row')
    .filter({ hasText: 'team.created' })
    .filter({ has: page.locator(`code[title="${teamId}"]`) });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /Details/ }).click();
  const after = page.getByRole('region', { name: /^After, entry/ });
  await expect(after).toContainText(`"name": "${name}"`);
  await expect(after).toContainText(teamId);
  await expect(page.getByRole('region', { name: /^Before, entry/ })).toContainText('Nothing');

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByText(/entries checked/)).toBeVisible();
});
