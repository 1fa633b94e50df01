/**
 * The demo's service level story, made through the same use cases people use:
 * - the online marketplace has a signed agreement (24x7 option chosen three months ago, signed
 *   by the CIO as service owner and the Director of E-commerce as customer representative,
 *   its three OLAs acknowledged by the delivery leads), so attainment shows on real history;
 * - the mobile shopping app is in negotiation: a requirement with three costed options, a
 *   comment and a counter-proposal;
 * - customer support has a requirement asking for round-the-clock care that nobody has funded:
 *   its only option is a free one that does not meet it (a free lunch, flagged on comparison).
 */
import { systemActor } from '../../core/actor.js';
import { contentHash } from '../../core/agreements/content.js';
import type { SignatureId, SigningParty } from '../../core/agreements/records.js';
import type { CalendarId, ServiceLevelTerms, TicketTerm } from '../../core/agreements/terms.js';
import type { PersonId } from '../../core/ids.js';
import { addDays } from '../../core/ownership.js';
import { ChooseOption } from '../../contract/agreements.js';
import {
  CreateNegotiationEntry,
  CreateOption,
  CreateRequirement,
} from '../../contract/requirements.js';
import { builtInCalendarId } from '../../contract/calendars.js';
import {
  activateIfComplete,
  findAgreement,
  recordAgreementChange,
  signingRole,
} from '../agreements/agreement-rules.js';
import { acknowledgeOla } from '../agreements/sign-agreement.js';
import { chooseOption } from '../agreements/choose-option.js';
import type { Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { addOption } from '../requirements/add-option.js';
import { commentOnRequirement } from '../requirements/comment-on-requirement.js';
import { createRequirement } from '../requirements/create-requirement.js';
import { demoCalendarName } from './demo-calendars-targets.js';

const hour = 3600;
const minute = 60;

/** The demo loader runs in one transaction: use cases that open their own run inside it. */
const within = (repos: Repositories): UnitOfWork => ({
  read: repos,
  dataVersion: () => Promise.resolve(0),
  transaction: (work) => work(repos),
});

const ticket = (
  priority: TicketTerm['priority'],
  metric: TicketTerm['metric'],
  seconds: number,
  goalPercent: number,
): TicketTerm => ({ priority, metric, duration: { businessSeconds: seconds }, goalPercent });

export async function loadDemoAgreements(
  repos: Repositories,
  admin: Ctx,
  people: Map<string, PersonId>,
): Promise<{ requirements: number; agreements: number }> {
  const now = admin.env.now();
  const uow = within(repos);
  const as = (name: string, daysAgo: number): Ctx => {
    const when = addDays(now, -daysAgo);
    return {
      ...admin,
      env: { ...admin.env, now: () => when },
      actor: { ...systemActor(people.get(name)!, name), role: 'member', via: 'session' },
    };
  };
  const service = async (slug: string) => (await repos.services.getBySlug(slug))!.id;
  const unit = async (name: string) => (await repos.orgUnits.findByName(name))!.id;
  const team = async (name: string) => (await repos.teams.findByName(name))!.id;
  const office = (await repos.calendars.findByName(demoCalendarName))!.id;
  const allDay = builtInCalendarId as CalendarId;

  // --- The online marketplace: signed and active. -------------------------------------------
  const marketplace = await service('online-marketplace');
  const retail = await unit('Retail & Marketplace');
  const needed: ServiceLevelTerms = {
    availabilityPercent: 99.9,
    calendarId: allDay,
    tickets: [
      ticket('P1', 'response', 15 * minute, 95),
      ticket('P1', 'resolution', 4 * hour, 90),
      ticket('P2', 'response', hour, 95),
      ticket('P2', 'resolution', 8 * hour, 90),
    ],
  };
  const mp = await createRequirement(
    uow,
    as('Emma Castillo', 100),
    CreateRequirement.parse({
      serviceId: marketplace,
      orgUnitId: retail,
      title: 'Marketplace open for business around the clock',
      terms: needed,
      businessValue: {
        currency: 'EUR',
        lossPerOutageHourMinor: 12_000_000,
        description:
          'About €120,000 of orders an hour at peak; sellers are paid on sales, so an outage also costs their trust.',
      },
      justification:
        'Customers shop in the evenings and at weekends; 41 % of marketplace orders are placed outside office hours.',
    }),
  );
  const officeOnly = { ...needed, availabilityPercent: 99.5, calendarId: office };
  await addOption(
    uow,
    as('Amira Okafor', 98),
    mp.id,
    CreateOption.parse({
      label: 'Office hours',
      terms: officeOnly,
      currency: 'EUR',
      monthlyCostMinor: 2_500_000,
      delivery: 'Today’s teams in office hours; out of hours best effort by the platform on-call.',
    }),
  );
  const full = await addOption(
    uow,
    as('Amira Okafor', 98),
    mp.id,
    CreateOption.parse({
      label: '24x7 on call',
      terms: needed,
      currency: 'EUR',
      monthlyCostMinor: 6_800_000,
      delivery:
        'A 24x7 on-call rota of six engineers across Storefront, Platform and Network, with a second region warm standby.',
    }),
  );
  const chosen = full.options.find((o) => o.label === '24x7 on call')!;
  const [storefront, network, platform] = await Promise.all([
    team('Storefront'),
    team('Network & Infrastructure'),
    team('Platform Engineering'),
  ]);
  const ola = (
    key: string,
    teamId: string,
    description: string,
    priority: 'P1' | 'P2',
    seconds: number,
    underpins: string[],
  ) => ({
    key,
    teamId,
    description,
    priority,
    metric: 'resolution' as const,
    duration: { businessSeconds: seconds },
    calendarId: allDay,
    underpins,
  });
  const effective = addDays(now, -95).slice(0, 10);
  const draft = await chooseOption(
    uow,
    as('Emma Castillo', 95),
    mp.id,
    chosen.id,
    ChooseOption.parse({
      title: 'Online marketplace for Retail & Marketplace',
      reviewPeriod: 'month',
      effectiveFrom: effective,
      bands: [
        { minCompliancePercent: 0, kind: 'penalty', amountMinor: 1_500_000 },
        { minCompliancePercent: 75, kind: 'none', amountMinor: 0 },
        { minCompliancePercent: 100, kind: 'reward', amountMinor: 500_000 },
      ],
      costPerMissedTargetMinor: 250_000,
      notes:
        'Planned maintenance announced five working days ahead is not counted as an outage. Retail & Marketplace reports incidents through the service desk or the seller portal.',
      olas: [
        ola(
          'ola-storefront',
          storefront,
          'Storefront restores the web shop within 2 hours',
          'P1',
          2 * hour,
          ['P1.resolution', 'availability'],
        ),
        ola(
          'ola-network',
          network,
          'Network & Infrastructure restores connectivity within 1 hour',
          'P1',
          hour,
          ['P1.resolution', 'availability'],
        ),
        ola(
          'ola-platform',
          platform,
          'Platform Engineering restores the runtime platform within 4 hours',
          'P2',
          4 * hour,
          ['P2.resolution'],
        ),
      ],
    }),
  );
  const version = draft.versions[0]!;
  const agreement = await findAgreement(repos, draft.agreement.id);
  const stored = (await repos.agreements.getVersion(version.id as never))!;
  // Signed in person (the demo's people have no passwords: their signatures are recorded as
  // the signing use case records them, after it has checked the password).
  const sign = async (party: SigningParty, name: string, daysAgo: number) => {
    const ctx = as(name, daysAgo);
    const role = (await signingRole(repos, agreement, party, ctx.env.now()))!;
    await repos.agreements.insertSignature({
      id: ctx.env.newId() as SignatureId,
      versionId: stored.id,
      party,
      personId: ctx.actor.personId,
      roleId: role.id,
      contentHash: contentHash(stored.content),
      signedAt: ctx.env.now(),
    });
    await recordAgreementChange(repos, ctx, agreement.id, 'signed', {
      after: { number: stored.number, party, roleId: role.id, contentHash: stored.contentHash },
    });
    await activateIfComplete(repos, ctx, agreement, stored);
  };
  await sign('customer_representative', 'Emma Castillo', 95);
  await sign('service_owner', 'Amira Okafor', 94);
  for (const [key, lead] of [
    ['ola-storefront', 'Lucia Romano'],
    ['ola-network', 'Grace Kim'],
    ['ola-platform', 'Nina Petrova'],
  ] as const)
    await acknowledgeOla(uow, as(lead, 94), agreement.id, stored.number, {
      olaKey: key,
      contentHash: stored.contentHash,
    });

  // --- The mobile shopping app: in negotiation with three options. ---------------------------
  const app = await createRequirement(
    uow,
    as('Emma Castillo', 20),
    CreateRequirement.parse({
      serviceId: await service('mobile-shopping-app'),
      orgUnitId: retail,
      title: 'Mobile app fit for the spring campaign',
      terms: {
        availabilityPercent: 99.5,
        calendarId: allDay,
        tickets: [
          ticket('P1', 'resolution', 4 * hour, 90),
          ticket('P2', 'resolution', 8 * hour, 90),
        ],
      },
      businessValue: {
        currency: 'EUR',
        lossPerOutageHourMinor: 1_800_000,
        description: 'The app brings 18 % of orders; the spring campaign pushes app-only offers.',
      },
      justification: 'From March the campaign sends customers to app-only offers every evening.',
    }),
  );
  let daysAgo = 18;
  const appOption = (
    label: string,
    availability: number,
    p1: number,
    p2: number,
    cost: number,
    delivery: string,
  ) =>
    addOption(
      uow,
      as('Lucia Romano', (daysAgo -= 1)),
      app.id,
      CreateOption.parse({
        label,
        terms: {
          availabilityPercent: availability,
          calendarId: availability >= 99.5 ? allDay : office,
          tickets: [
            ticket('P1', 'resolution', p1 * hour, 90),
            ticket('P2', 'resolution', p2 * hour, 90),
          ],
        },
        currency: 'EUR',
        monthlyCostMinor: cost,
        delivery,
      }),
    );
  await appOption('Bronze', 99.0, 8, 16, 400_000, 'Today’s Storefront team in office hours.');
  await appOption(
    'Silver',
    99.5,
    4,
    8,
    1_100_000,
    'Evening cover by one engineer until 23:00 and a crash-free release gate.',
  );
  await appOption(
    'Gold',
    99.9,
    2,
    4,
    2_600_000,
    '24x7 on-call for the app backend, canary releases and a second region.',
  );
  await commentOnRequirement(
    uow,
    as('Lucia Romano', 14),
    app.id,
    CreateNegotiationEntry.parse({
      kind: 'counter_proposal',
      body: 'Silver covers the campaign evenings; 99.5 % around the clock needs Gold. Could 99.5 % within 07:00–23:00 do?',
      terms: {
        availabilityPercent: 99.5,
        calendarId: office,
        tickets: [
          ticket('P1', 'resolution', 4 * hour, 90),
          ticket('P2', 'resolution', 8 * hour, 90),
        ],
      },
    }),
  );
  await commentOnRequirement(
    uow,
    as('Emma Castillo', 12),
    app.id,
    CreateNegotiationEntry.parse({
      kind: 'comment',
      body: 'We will weigh Silver against Gold with the campaign budget owners this week.',
    }),
  );

  // --- Customer support: a free lunch. --------------------------------------------------------
  const care = await createRequirement(
    uow,
    as('Claire Dubois', 10),
    CreateRequirement.parse({
      serviceId: await service('customer-support'),
      orgUnitId: await unit('Customer Service'),
      title: 'Customer care tools around the clock',
      terms: {
        availabilityPercent: 99.95,
        calendarId: allDay,
        tickets: [ticket('P1', 'response', 5 * minute, 99), ticket('P1', 'resolution', hour, 95)],
      },
      businessValue: {
        currency: 'EUR',
        lossPerOutageHourMinor: 300_000,
        description: 'Agents idle and customers waiting; complaints follow within the hour.',
      },
      justification: 'The contact centre moves to 24x7 chat next quarter.',
    }),
  );
  await addOption(
    uow,
    as('Patrick Doyle', 8),
    care.id,
    CreateOption.parse({
      label: 'Within today’s staffing',
      terms: {
        availabilityPercent: 99.5,
        calendarId: office,
        tickets: [
          ticket('P1', 'response', 30 * minute, 95),
          ticket('P1', 'resolution', 4 * hour, 90),
        ],
      },
      currency: 'EUR',
      monthlyCostMinor: 0,
      delivery:
        'The service desk as staffed today, office hours only. Round-the-clock cover needs a night shift nobody has funded.',
    }),
  );
  return { requirements: 3, agreements: 1 };
}
