import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers.js';

test('agreement documents: the signed PDF verifies; an edited HTML copy is caught', async ({
  page,
}) => {
  await signIn(page);
  const dir = mkdtempSync(join(tmpdir(), 'charter-e2e-docs-'));
  const document = async (format: string) => {
    const res = await page.request.get(
      `/api/v1/agreements/SLA-0001/versions/1/document?format=${format}`,
    );
    expect(res.status()).toBe(200);
    return res.body();
  };
  const html = join(dir, 'SLA-0001-v1-edited.html');
  writeFileSync(
    html,
    (await document('html')).toString('utf8').replace(/<h1>SLA-0001 /, '<h1>SLA-0001 (amended) '),
  );

  // The agreement page offers the documents of the version and the way to verify them.
  await page.goto('/agreements/SLA-0001');
  const pdfLink = page.getByRole('link', { name: 'PDF', exact: true }).first();
  await expect(pdfLink).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
  expect(download.suggestedFilename()).toBe('SLA-0001-v1.pdf');
  const pdf = join(dir, 'SLA-0001-v1.pdf');
  await download.saveAs(pdf);
  await page.getByRole('link', { name: 'Verify a document' }).first().click();
  await expect(page).toHaveURL(/\/agreements\/verify$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Verify an agreement document' }),
  ).toBeVisible();
  const input = page.getByLabel('Agreement document (.pdf, .html or .md)');

  await input.setInputFiles(pdf);
  await expect(
    page.getByRole('heading', { level: 2, name: /Verified SLA-0001-v1.pdf/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'exactly the signed content' }),
  ).toContainText('SLA-0001 version 1');
  const checks = page.getByRole('table', { name: 'Checks' });
  await expect(checks.locator('tbody > tr')).toHaveCount(8);
  await expect(checks).not.toContainText('failed');

  await input.setInputFiles(html);
  await expect(
    page.getByRole('heading', { level: 2, name: /Not verified SLA-0001-v1-edited.html/ }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    'the document was altered after signing: its HTML no longer matches the signed content',
  );
  await expect(checks.getByRole('row', { name: /document text/ })).toContainText('failed');
});
