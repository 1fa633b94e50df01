import { spawnSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { admin, signIn, unique } from './helpers.js';

/** Runs the charter CLI on the server's database, as an operator would. */
function charter(args: string[], input = ''): string {
  const result = spawnSync(process.execPath, ['bin/charter.mjs', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${process.env.CHARTER_E2E_DB}`,
      LOG_LEVEL: 'silent',
    },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

interface User {
  name: string;
  email: string;
  password: string;
  token: string;
}

function account(label: string): User {
  const name = unique(label);
  const email = `${name.split(' ').pop()}@sla.example.test`;
  const password = `${label.toLowerCase().replace(/\W/g, '-')}-password`;
  charter(['admin', 'create', '--email', email, '--name', name], `${password}\n`);
  return { name, email, password, token: tokenOf(email) };
}

function tokenOf(email: string): string {
  const out = charter([
    'token',
    'create',
    '--email',
    email,
    '--name',
    'sla e2e',
    '--scope',
    'write',
  ]);
  return /chr_[A-Za-z0-9_-]+/.exec(out)![0];
}

function api(request: APIRequestContext, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const check = async (r: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(r.ok(), `${r.url()}: ${await r.text()}`).toBe(true);
    return (await r.json()) as Record<string, unknown> & {
      items?: { id: string; name?: string }[];
    };
  };
  return {
    get: async (path: string) => check(await request.get(`/api/v1${path}`, { headers })),
    post: async (path: string, data: unknown) =>
      check(await request.post(`/api/v1${path}`, { headers, data })),
  };
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Email')).toBeVisible();
}

test('requirement → three options → choose → both sign → OLA acknowledged → active → attainment shown', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const rep = account('Rita Customer');
  const owner = account('Omar Owner');
  const lead = account('Lena Lead');
  const asAdmin = api(request, tokenOf(admin.email));

  // The three accepted roles the flow needs, for the store tills.
  const service = (await asAdmin.get('/services/store-point-of-sale')) as { id: string };
  const retail = (await asAdmin.get('/org-units?q=Retail')).items!.find(
    (u) => u.name === 'Retail & Marketplace',
  )!;
  const network = (await asAdmin.get('/teams?q=Network')).items![0]!;
  const scope = { serviceId: service.id, orgUnitId: null, teamId: null, practiceId: null };
  for (const [user, kind, extra] of [
    [owner, 'service_owner', {}],
    [rep, 'customer_representative', { orgUnitId: retail.id }],
    [lead, 'delivery_lead', { teamId: network.id }],
  ] as const) {
    const person = (await asAdmin.get(`/people?q=${encodeURIComponent(user.email)}`)).items![0]!;
    const nomination = (await asAdmin.post('/nominations', {
      kind,
      scope: { ...scope, ...extra },
      nomineeId: person.id,
      message: 'Please take this on for the store tills.',
    })) as { id: string };
    const asNominee = api(request, user.token);
    const pending = (await asNominee.get(`/nominations/${nomination.id}`)) as { statement: string };
    await asNominee.post(`/nominations/${nomination.id}/accept`, { statement: pending.statement });
  }

  // The customer representative states the requirement.
  const title = unique('Tills that take payment');
  await signIn(page, rep);
  await page.goto('/requirements/new');
  const picker = page.getByRole('combobox', { name: 'Service', exact: true });
  await picker.fill('Store point');
  await page.getByRole('option', { name: /Store point of sale/ }).click();
  await page
    .getByLabel('Customer (organisation unit)')
    .selectOption({ label: 'Retail & Marketplace' });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Availability within the service hours (%)').fill('99.5');
  await page.getByLabel('Service hours (calendar)').selectOption({ label: '24x7 (UTC)' });
  await page.getByRole('checkbox', { name: 'P1 resolution' }).check();
  await page.getByLabel('P1 resolution: within').fill('4');
  await page.getByLabel('P1 resolution: goal percent').fill('90');
  await page.getByLabel('Revenue or cost lost per hour of outage').fill('20000');
  await page
    .getByLabel('Justification')
    .fill('A store that cannot take payment sends customers away.');
  await page.getByRole('button', { name: 'State requirement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const requirementUrl = page.url();
  await signOut(page);

  // The service owner answers with three costed options.
  await signIn(page, owner);
  await page.goto(requirementUrl);
  for (const [label, availability, hours, cost] of [
    ['Basic', '99', '8', '1000'],
    ['Standard', '99.5', '4', '3000'],
    ['Premium', '99.9', '2', '9000'],
  ] as const) {
    await page.getByRole('button', { name: 'Add an option' }).click();
    const form = page.getByRole('form', { name: 'Add an option' });
    await form.getByLabel('Label').fill(label);
    await form.getByLabel('Availability within the service hours (%)').fill(availability);
    await form.getByLabel('Service hours (calendar)').selectOption({ label: '24x7 (UTC)' });
    await form.getByRole('checkbox', { name: 'P1 resolution' }).check();
    await form.getByLabel('P1 resolution: within').fill(hours);
    await form.getByLabel('P1 resolution: goal percent').fill('90');
    await form.getByLabel('Cost per month').fill(cost);
    await form
      .getByLabel('What it takes to deliver')
      .fill(`${label} cover by the store support rota.`);
    await form.getByRole('button', { name: 'Propose option' }).click();
    await expect(page.getByRole('article', { name: `Option ${label}` })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Compare options' }).click();
  await expect(page.getByText(/Achievable|Stretch|Not achievable/).first()).toBeVisible();
  await signOut(page);

  // The customer representative chooses Standard and signs.
  await signIn(page, rep);
  await page.goto(requirementUrl);
  await page.getByRole('button', { name: 'Choose Standard' }).click();
  await page.getByRole('button', { name: 'Choose and draw up the agreement' }).click();
  await expect(page).toHaveURL(/\/agreements\/SLA-\d+/);
  const agreementUrl = page.url();
  const sign = async (user: User, party: string) => {
    await page.getByRole('button', { name: `Sign as ${party}` }).click();
    const form = page.getByRole('form', { name: 'Sign version 1' });
    await form.getByLabel('I have read version 1 and agree to it').check();
    await form.getByLabel('Your password').fill(user.password);
    await form.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(page.getByText(`by ${user.name}`).first()).toBeVisible();
  };
  await sign(rep, 'customer representative');
  await signOut(page);

  // The service owner signs; the agreement still waits for the OLA.
  await signIn(page, owner);
  await page.goto(agreementUrl);
  await sign(owner, 'service owner');
  await signOut(page);

  // The network team's delivery lead acknowledges the OLA: the agreement is active.
  await signIn(page, lead);
  await page.goto(agreementUrl);
  await page
    .getByRole('button', { name: /^Acknowledge / })
    .first()
    .click();
  await expect(page.getByText('Acknowledged', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Active').first()).toBeVisible();
  const code = /SLA-\d+/.exec(agreementUrl)![0];
  const detail = (await asAdmin.get(`/agreements/${code}`)) as {
    versions: { number: number; status: string; signatures: unknown[] }[];
  };
  expect(detail.versions.map((v) => [v.number, v.status, v.signatures.length])).toEqual([
    [1, 'active', 2],
  ]);

  // Attainment of the running period shows on the service page.
  await page.goto('/services/store-point-of-sale');
  const attainment = page.getByRole('region', { name: 'Agreement attainment' });
  await expect(attainment).toContainText(code);
  await expect(attainment).toContainText('In progress');
});
