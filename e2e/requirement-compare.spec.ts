import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers.js';

// The comparison page renders what GET /requirements/:id/feasibility answers (computed and tested
// in src/app/requirements/feasibility.test.ts); here the answer is fixed so the page's layout,
// loading state, warnings and verdicts are checked on their own, on a desktop and on a phone.
const id = '11111111-1111-4111-8111-111111111111';
const figure = (percent: number | null, tickets: number, outages: number | null = null) => ({
  percent,
  tickets,
  outages,
});
const target = (key: string, label: string, verdict: string, reason: string) => ({
  key,
  label,
  history:
    key === 'availability'
      ? { m3: figure(99.93, 0, 1), m6: figure(99.96, 0, 2), m12: figure(99.97, 0, 3) }
      : { m3: figure(96.2, 52), m6: figure(95.1, 103), m12: figure(97.1, 212) },
  ...(key === 'availability' ? { dependencyBound: 99.85 } : {}),
  olas: [],
  verdict,
  reason,
});
const option = (optionId: string, label: string, cost: number, availability: string) => ({
  optionId,
  label,
  monthlyCostMinor: cost,
  currency: 'EUR',
  costPerYearVsValue: {
    currency: 'EUR',
    costPerYearMinor: cost * 12,
    serviceHoursPerYear: 2500,
    expectedOutageHoursPerYear: 2.5,
    expectedLossPerYearMinor: 3_125_000,
    lossCurrency: 'EUR',
    totalPerYearMinor: cost * 12 + 3_125_000,
  },
  meetsRequirement: true,
  targets: [
    target(
      'availability',
      `Availability ${availability} %`,
      availability === '99.99' ? 'not_achievable' : 'achievable',
      availability === '99.99'
        ? '99.99 % is above the 99.85 % the dependencies are committed to (Kubernetes platform 99.9 %)'
        : 'Over 12 months the service was available 99.97 % of its service hours (goal 99.5 %)',
    ),
    target(
      'P1.resolution',
      'P1 resolution within 4 business hours for 95 % of tickets',
      'stretch',
      'Over 12 months 97.1 % of 212 P1 resolutions took at most 4 business hours (goal 95 %); 6 months 95.1 %, 3 months 96.2 %; not met in every window',
    ),
  ],
});
const feasibility = {
  requirementId: id,
  serviceId: '22222222-2222-4222-8222-222222222222',
  revision: 1,
  at: '2026-11-27T12:00:00.000Z',
  options: [
    option('a', 'Bronze', 500_000, '99.5'),
    option('b', 'Silver', 800_000, '99.9'),
    option('c', 'Gold', 800_000, '99.99'),
  ],
  requirement: {
    targets: [],
    warnings: [
      {
        code: 'stricter_option_costs_no_more',
        message:
          '"Gold" is at least as strict as "Silver" on every target and stricter on availability, yet costs no more (EUR 8,000.00 against EUR 8,000.00 a month)',
        optionId: 'c',
        targetKey: null,
      },
      {
        code: 'availability_above_dependencies',
        message:
          'This option asks for availability 99.99 %, above the 99.85 % its dependencies are committed to',
        optionId: 'c',
        targetKey: 'availability',
      },
    ],
  },
  dependencyBound: 99.85,
  dependencies: [
    {
      serviceId: '33333333-3333-4333-8333-333333333333',
      name: 'Kubernetes platform',
      depth: 1,
      type: 'runs_on',
      committedPercent: 99.9,
      effectivePercent: 99.9,
      hasAgreement: true,
      hasOla: true,
      flagged: false,
    },
    {
      serviceId: '44444444-4444-4444-8444-444444444444',
      name: 'DNS',
      depth: 2,
      type: 'uses',
      committedPercent: null,
      effectivePercent: 100,
      hasAgreement: false,
      hasOla: false,
      flagged: true,
    },
  ],
};

async function open(page: Page) {
  await signIn(page);
  await page.route(`**/api/v1/requirements/${id}/feasibility`, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.fulfill({ json: feasibility });
  });
  await page.route(`**/api/v1/requirements/${id}`, (route) =>
    route.fulfill({
      json: {
        title: 'Marketplace all office hours',
        serviceName: 'Online marketplace',
        orgUnitName: 'Sales',
      },
    }),
  );
  await page.goto(`/requirements/${id}/compare`);
  await expect(page.getByRole('status').getByText(/Computing feasibility/)).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Compare options: Marketplace all office hours' }),
  ).toBeVisible();
  const warnings = page.getByRole('alert', { name: 'Free-lunch warnings' });
  await expect(warnings).toContainText('A stricter option costs no more');
  await expect(warnings).toContainText('Availability above what the dependencies commit to');
  const gold = page.getByRole('region', { name: 'Option Gold' });
  await expect(gold.getByText('Not achievable')).toBeVisible();
  await expect(gold.getByText('2 warnings')).toBeVisible();
  await expect(gold).toContainText('99.99 % is above the 99.85 %');
  await expect(page.getByRole('region', { name: 'Dependencies' })).toContainText(
    'Without an agreement or an operational level target (1): DNS',
  );
  return page.getByTestId('compare-column');
}

test('options side by side with cost against value, history, verdicts and warnings', async ({
  page,
}) => {
  const columns = await open(page);
  await expect(columns).toHaveCount(3);
  const boxes = await Promise.all(
    [0, 1, 2].map(async (i) => (await columns.nth(i).boundingBox())!),
  );
  // side by side: one row, left to right
  expect(Math.abs(boxes[0]!.y - boxes[2]!.y)).toBeLessThan(2);
  expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
  expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
  const silver = page.getByRole('region', { name: 'Option Silver' });
  await expect(silver.getByRole('table', { name: /History of P1 resolution/ })).toContainText(
    '97.1 %',
  );
  await expect(silver).toContainText('Cost + expected loss');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the options stack and nothing overflows', async ({ page }) => {
    const columns = await open(page);
    const boxes = await Promise.all(
      [0, 1, 2].map(async (i) => (await columns.nth(i).boundingBox())!),
    );
    expect(Math.abs(boxes[0]!.x - boxes[1]!.x)).toBeLessThan(2);
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
