// The product areas shown in the navigation. Areas not built yet show an honest "coming" panel
// describing what they will do (from PRODUCT.md), never fake data.

export type ComingArea = {
  path: string;
  label: string;
  title: string;
  summary: string;
  /** Built: the area has its own pages (it is listed in the navigation, not as "coming"). */
  built?: boolean;
};

export const comingAreas: ComingArea[] = [
  {
    path: '/commitments',
    label: 'Commitments',
    built: true,
    title: 'Commitments',
    summary:
      'Every promise with who made it, to whom, on whose behalf and by when; unbacked when the delivering party never accepted it.',
  },
  {
    path: '/raci',
    label: 'RACI',
    built: true,
    title: 'RACI by practice',
    summary:
      'Who is responsible, accountable, consulted and informed for each practice, derived from accepted roles.',
  },
  {
    path: '/my-commitments',
    label: 'My commitments',
    built: true,
    title: 'My commitments',
    summary:
      'What you are asked to accept, sign, deliver or review, and what is overdue. Every promise has a party who made it, a party it is made to, and an acceptance.',
  },
  {
    path: '/portfolio',
    label: 'Portfolio',
    built: true,
    title: 'Service portfolio',
    summary:
      'Business services and the technical services and components that support them, with lifecycle (pipeline → live → retired) and criticality tiers. Service views show one business service across all the teams that run it, and impact analysis answers "if X fails, which business services suffer?".',
  },
  {
    path: '/practices',
    label: 'Practices',
    built: true,
    title: 'Practices',
    summary:
      'The practices (incident, problem, change enablement, service level management, ...) with their accepted process owners and open nominations.',
  },
  {
    path: '/roles',
    label: 'Roles',
    built: true,
    title: 'Roles',
    summary:
      'Nominations for service owner, process owner, customer representative and delivery lead. A nomination becomes a role only when the nominee accepts it personally, with a statement of accountability; roles expire and must be re-affirmed.',
  },
  {
    path: '/requirements',
    label: 'Requirements',
    built: true,
    title: 'Service level requirements',
    summary:
      'What customers need from a service, stated by their representative, negotiated with comments and counter-proposals, and answered by the service owner with costed options.',
  },
  {
    path: '/agreements',
    label: 'Agreements',
    built: true,
    title: 'Service level agreements',
    summary:
      'Service level management without a free lunch: customers state requirements, service owners answer with costed options checked against history and dependencies, and the agreed option is signed by both sides, with the OLAs underneath acknowledged by the delivery teams.',
  },
  {
    path: '/tickets',
    label: 'Tickets & SLA clocks',
    built: true,
    title: 'Tickets & SLA clocks',
    summary:
      'Incidents and requests with SLA clocks (time to respond, time to resolve) on business-hours calendars with time zones, holidays and pause states. Breaches escalate before and after they happen.',
  },
  {
    path: '/reports/attainment',
    label: 'SLA attainment',
    built: true,
    title: 'SLA attainment',
    summary:
      'Per service, priority and month or quarter: tickets, met, breached, attainment % and the business time to respond and to resolve, with a chart and CSV export.',
  },
  {
    path: '/agreements/attainment',
    label: 'Agreement attainment',
    built: true,
    title: 'Agreement attainment',
    summary:
      'Per agreement and review period (month or quarter): compliance per target, the money band reached, rewards, penalties, cost of misses and net, with a chart and CSV export.',
  },
  {
    path: '/calendars',
    label: 'Calendars',
    built: true,
    title: 'Business calendars',
    summary:
      'Business hours in a time zone, with lunch breaks, split shifts and holidays (imported from iCalendar files), and the service level targets that count time on them.',
  },
  {
    path: '/slos',
    label: 'SLOs',
    title: 'SLOs and error budgets',
    summary:
      'Service level objectives with error budgets computed from ingested SLI data, with OpenSLO and Sloth import and export.',
  },
  {
    path: '/reviews',
    label: 'Reviews',
    title: 'Service reviews',
    summary:
      'Periodic reviews per SLA with a generated review pack (attainment, incidents, breaches, error budget, satisfaction, open actions), attendance of owner and customer, decisions and new actions. Missed reviews count against commitment.',
  },
  {
    path: '/improvements',
    label: 'Improvements',
    title: 'Continual service improvement',
    summary:
      'Breaches, reviews and customer feedback become improvement items with an accepting owner, a due date and the expected effect on a named metric, and a check afterwards of whether the metric actually moved.',
  },
  {
    path: '/governance',
    label: 'Governance',
    built: true,
    title: 'Governance',
    summary:
      'Portfolio scorecards with maturity levels, the management commitment index per service, organisation unit and portfolio, executive and per-owner dashboards, trends, exports and scheduled reports.',
  },
  {
    path: '/outbox',
    label: 'Email outbox',
    built: true,
    title: 'Email outbox',
    summary:
      'Every email Charter sent, is sending, holds or gave up on, with attempts and the last error (administrators).',
  },
];

/** The areas still to come (each shows its "coming" panel). */
export const plannedAreas: ComingArea[] = comingAreas.filter((a) => !a.built);
