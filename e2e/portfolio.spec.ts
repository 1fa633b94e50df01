import { expect, test } from '@playwright/test';
import { signIn, unique } from './helpers.js';

test('filter the portfolio by kind and tier', async ({ page }) => {
  await signIn(page);
  await page.goto('/portfolio');
  await expect(page.getByRole('heading', { level: 1, name: 'Service portfolio' })).toBeVisible();
  await expect(page.getByText(/All 48 services loaded/).first()).toBeVisible();
  // Rows are rendered as they scroll into view.
  await page.mouse.wheel(0, 5000);
  await expect(page.getByRole('link', { name: 'Workplace IT services' })).toBeVisible();

  await page.getByLabel('Kind').selectOption('business_service');
  await page.getByLabel('Tier').selectOption('1');
  await expect(page).toHaveURL(/kind=business_service/);
  await expect(page).toHaveURL(/tier=1(&|$)/);
  const table = page.getByRole('table', { name: 'Services in the portfolio' });
  await expect(table.getByRole('link', { name: 'Online marketplace' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Kubernetes platform' })).toHaveCount(0);
  // Every row shown is a tier-1 business service.
  const rows = table.locator('tbody tr:not(.virtual-spacer)');
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText('Tier 1');

  // The export carries the same filters.
  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(href).toContain('format=csv');
  expect(href).toContain('kind=business_service');
  expect(href).toContain('tier=1');
});

test('impact, a refused cycle, and the service view', async ({ page }) => {
  await signIn(page);
  await page.goto('/services/kubernetes-platform');
  await expect(page.getByRole('heading', { level: 1, name: 'Kubernetes platform' })).toBeVisible();

  const fails = page.getByRole('region', { name: 'If this fails' });
  await expect(fails.getByRole('link', { name: 'Online marketplace' })).toBeVisible();

  // Kubernetes platform → Online marketplace would close a loop: refused, next to the field.
  const picker = page.getByRole('combobox', { name: 'Kubernetes platform depends on' });
  await picker.fill('Online market');
  await page.getByRole('option', { name: /^Online marketplace/ }).click();
  await expect(picker).toHaveValue('Online marketplace');
  await page.getByRole('button', { name: 'Add dependency' }).click();
  const error = page.locator('.combobox .field__error');
  await expect(error).toContainText('would create a cycle: Kubernetes platform →');
  await expect(error).toContainText('Online marketplace');
  await expect(picker).toHaveAttribute('aria-invalid', 'true');

  await page.goto('/services/online-marketplace');
  await page.getByRole('link', { name: 'Service view' }).click();
  await expect(page).toHaveURL(/\/services\/online-marketplace\/view$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Service view: Online marketplace' }),
  ).toBeVisible();
  const graph = page.getByRole('figure', { name: /Graph of Online marketplace/ });
  await expect(graph.locator('.svc-node', { hasText: 'PostgreSQL cluster' })).toBeVisible();
  // The demo's CIO accepted ownership of the marketplace: the root node names her.
  await expect(graph.locator('.svc-node').first()).toContainText('Amira Okafor');

  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.getByRole('table', { name: /Online marketplace and everything under it/ });
  await expect(table).toBeVisible();
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'PostgreSQL cluster' }) });
  await expect(row).toContainText('Component');
  await expect(row).toContainText('no accepted owner');
});

test('an admin creates a service and retires it', async ({ page }) => {
  await signIn(page);
  await page.goto('/portfolio');
  await page.getByRole('link', { name: 'New service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New service' })).toBeVisible();

  const name = unique('E2E Loyalty');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByLabel('Kind').selectOption('business_service');
  await page.getByLabel('Tier').selectOption('2');
  await page.getByLabel('Lifecycle').selectOption('live');
  const team = page.getByLabel('Team');
  await expect(team.locator('option').nth(1)).toBeAttached();
  await team.selectOption({ index: 1 });
  const customers = page.getByRole('group', { name: /Customers/ });
  await customers.getByRole('checkbox').first().check();
  await page.getByLabel('Monthly cost').fill('1250.50');
  await page.getByLabel('Currency').fill('EUR');
  await page.getByLabel('Value statement').fill('Brings customers back.');
  await page.getByLabel('Tags', { exact: true }).fill('loyalty');
  await page.getByLabel('Tags', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Add link' }).click();
  await page.getByLabel('Link 1 title').fill('Runbook');
  await page.getByLabel('Link 1 URL').fill('https://example.com/runbook');
  await page.getByRole('button', { name: 'Create service' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('€1,250.50');
  await expect(details).toContainText('loyalty');
  await expect(details.getByRole('link', { name: 'Runbook' })).toBeVisible();

  await page.getByRole('button', { name: 'Retire' }).click();
  await page.getByRole('button', { name: 'Yes, retire' }).click();
  await expect(details.getByText('Retired', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);

  // Retired services leave the portfolio unless asked for.
  await page.goto(`/portfolio?q=${encodeURIComponent(name)}`);
  await expect(page.getByText('No services match these filters.')).toBeVisible();
  await page.getByLabel('Lifecycle').selectOption('retired');
  await expect(page.getByRole('link', { name })).toBeVisible();
});

test.describe('on a narrow screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the portfolio fits the screen', async ({ page }) => {
    await signIn(page);
    await page.goto('/portfolio');
    await expect(page.getByRole('link', { name: 'CI/CD pipelines' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
