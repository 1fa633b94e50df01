// Code-based route tree. List filters live in the URL (search params), so a filtered list can
// be bookmarked, shared and exported exactly as shown.
import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  useNavigate,
  useParams,
  useSearch,
} from '@tanstack/react-router';
import { isApiError } from './api.js';
import { plannedAreas } from './areas.js';
import { AppShell } from './components/shell.js';
import { RecordEdit, RecordNew, type RecordFormProps } from './components/record-form.js';
import { ErrorBanner, Loading } from './components/ui.js';
import { meQuery } from './queries.js';
import { orgUnitsResource, peopleResource, teamsResource, type Resource } from './resources.js';
import { Account } from './routes/account.js';
import { CommitmentsPage, type CommitmentsSearch } from './routes/commitments.js';
import { UnbackedReportPage } from './routes/commitments-report.js';
import { RaciPage } from './routes/raci.js';
import { GovernancePage } from './routes/governance.js';
import { Notifications, type NotificationsSearch } from './routes/notifications.js';
import { Outbox, type OutboxSearch } from './routes/outbox.js';
import { Attainment, type AttainmentSearch } from './routes/attainment.js';
import {
  AgreementsAttainment,
  type AgreementsAttainmentSearch,
} from './routes/agreements-attainment.js';
import { AgreementVerifyPage } from './routes/agreement-verify.js';
import { AgreementPage } from './routes/agreement.js';
import { AgreementsList, type AgreementsSearch } from './routes/agreements-list.js';
import { RequirementComparePage } from './routes/requirement-compare.js';
import { AuditLog, type AuditSearch } from './routes/audit.js';
import { ComingPage, Home, NotFound } from './routes/coming.js';
import { OrgUnitDetail } from './routes/org-unit.js';
import { OrgUnitForm } from './routes/org-unit-form.js';
import { OrgUnitsList, type OrgUnitsSearch } from './routes/org-units-list.js';
import { PeopleList, type PeopleSearch } from './routes/people-list.js';
import { PersonDetail } from './routes/person.js';
import { PersonForm } from './routes/person-form.js';
import { SignIn } from './routes/sign-in.js';
import { TeamDetail } from './routes/team.js';
import { TeamForm } from './routes/team-form.js';
import { TeamsList, type TeamsSearch } from './routes/teams-list.js';
import { Portfolio, type PortfolioSearch } from './routes/portfolio.js';
import { ServiceDetail } from './routes/service.js';
import { ServiceForm } from './routes/service-form.js';
import { MyCommitments } from './routes/my-commitments.js';
import { NominationPage } from './routes/nomination.js';
import { Practices } from './routes/practices.js';
import { RolePage } from './routes/role.js';
import { RolesList, type RolesSearch } from './routes/roles-list.js';
import { TicketDetail } from './routes/ticket.js';
import { TicketForm } from './routes/ticket-form.js';
import { TicketsList, type TicketsSearch } from './routes/tickets-list.js';
import { CalendarDetail } from './routes/calendar.js';
import { CalendarForm } from './routes/calendar-form.js';
import { calendarsResource } from './routes/calendar-shared.js';
import { CalendarsList, type CalendarsSearch } from './routes/calendars-list.js';
import { TargetsList, type TargetsSearch } from './routes/targets-list.js';
import { RequirementPage } from './routes/requirement.js';
import { RequirementForm } from './routes/requirement-form.js';
import { RequirementsList, type RequirementsSearch } from './routes/requirements-list.js';
import { servicesResource } from './services.js';

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const bool = (v: unknown): 'true' | 'false' | undefined =>
  v === 'true' || v === true ? 'true' : v === 'false' || v === false ? 'false' : undefined;
/** Drop undefined keys so URLs stay clean. */
const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (s: Raw): { redirect?: string } => clean({ redirect: str(s.redirect) }),
  component: function SignInRoute() {
    const { redirect: target } = signInRoute.useSearch();
    return <SignIn redirect={target} />;
  },
});

/** Everything behind sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (e) {
      if (!isApiError(e, 401)) throw e;
      // TanStack Router redirects are thrown by design.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    }
  },
  component: AppShell,
  pendingComponent: () => <Loading />,
  errorComponent: ({ error }) => (
    <div className="main">
      <ErrorBanner error={error} />
    </div>
  ),
  notFoundComponent: NotFound,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: Home });

const comingRoutes = plannedAreas.map((area) =>
  createRoute({
    getParentRoute: () => appRoute,
    path: area.path,
    component: () => <ComingPage area={area} />,
  }),
);

/** A page whose filters live in the URL (replaced as they change, or pushed for the audit log). */
function searchRoute<
  P extends
    | '/people'
    | '/teams'
    | '/org-units'
    | '/audit'
    | '/portfolio'
    | '/tickets'
    | '/calendars'
    | '/service-level-targets',
  S extends object,
>(
  path: P,
  validateSearch: (s: Raw) => S,
  Page: ComponentType<{ search: S; setSearch: (next: S) => void }>,
  replace = true,
) {
  return createRoute({
    getParentRoute: () => appRoute,
    path,
    validateSearch,
    component: function SearchRoute() {
      const raw: unknown = useSearch({ strict: false });
      const search = raw as S;
      const navigate = useNavigate();
      const setSearch = (next: S) =>
        void navigate({ to: path, search: clean(next) as never, replace: replace || undefined });
      return <Page search={search} setSearch={setSearch} />;
    },
  });
}

/** A record's detail page, its edit page and the page creating one. */
function recordRoutes<
  B extends Resource['path'],
  K extends string,
  T extends { id: string; name: string; version: number },
>(
  resource: Resource & { path: B; param: K },
  Detail: ComponentType<{ id: string }>,
  Form: ComponentType<RecordFormProps<T>>,
) {
  const useId = () => {
    const params: Partial<Record<string, string>> = useParams({ strict: false });
    return params[resource.param] ?? '';
  };
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: `${resource.path}/new`,
      component: () => <RecordNew form={Form} />,
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: `${resource.path}/$${resource.param}`,
      component: function DetailRoute() {
        return <Detail id={useId()} />;
      },
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: `${resource.path}/$${resource.param}/edit`,
      component: function EditRoute() {
        return <RecordEdit resource={resource} id={useId()} form={Form} />;
      },
    }),
  ] as const;
}

const listSearch = (s: Raw) => ({ q: str(s.q), sort: str(s.sort), active: bool(s.active) });

const peopleRoutes = [
  searchRoute(
    '/people',
    (s): PeopleSearch =>
      clean({
        q: str(s.q),
        sort: str(s.sort),
        teamId: str(s.teamId),
        orgUnitId: str(s.orgUnitId),
        seniority: str(s.seniority),
        active: bool(s.active),
      }),
    PeopleList,
  ),
  ...recordRoutes(peopleResource, PersonDetail, PersonForm),
];
const teamsRoutes = [
  searchRoute('/teams', (s): TeamsSearch => clean(listSearch(s)), TeamsList),
  ...recordRoutes(teamsResource, TeamDetail, TeamForm),
];
const orgUnitsRoutes = [
  searchRoute('/org-units', (s): OrgUnitsSearch => clean(listSearch(s)), OrgUnitsList),
  ...recordRoutes(orgUnitsResource, OrgUnitDetail, OrgUnitForm),
];

const portfolioRoutes = [
  searchRoute(
    '/portfolio',
    (s): PortfolioSearch =>
      clean({
        q: str(s.q),
        sort: str(s.sort),
        kind: str(s.kind),
        lifecycle: str(s.lifecycle),
        tier: ['1', '2', '3', '4'].includes(str(s.tier) ?? '') ? Number(s.tier) : undefined,
        teamId: str(s.teamId),
        orgUnitId: str(s.orgUnitId),
        tag: str(s.tag),
      }),
    Portfolio,
  ),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/services',
    beforeLoad: () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw redirect({ to: '/portfolio', search: {} });
    },
  }),
  ...recordRoutes(servicesResource, ServiceDetail, ServiceForm),
  // The graph (React Flow, elkjs) is its own chunk, loaded when a service view is opened.
  createRoute({
    getParentRoute: () => appRoute,
    path: '/services/$ref/view',
    component: lazyRouteComponent(() => import('./routes/service-view.js'), 'ServiceViewPage'),
  }),
];

const calendarRoutes = [
  searchRoute('/calendars', (s): CalendarsSearch => clean(listSearch(s)), CalendarsList),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/calendars/new',
    component: () => <RecordNew form={CalendarForm} />,
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/calendars/$calendarId',
    component: function CalendarRoute() {
      const { calendarId } = useParams({ strict: false });
      return <CalendarDetail id={calendarId ?? ''} />;
    },
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/calendars/$calendarId/edit',
    component: function CalendarEditRoute() {
      const { calendarId } = useParams({ strict: false });
      return <RecordEdit resource={calendarsResource} id={calendarId ?? ''} form={CalendarForm} />;
    },
  }),
  searchRoute(
    '/service-level-targets',
    (s): TargetsSearch =>
      clean({ priority: str(s.priority), metric: str(s.metric), scope: str(s.scope) }),
    TargetsList,
  ),
];

const ticketsRoutes = [
  searchRoute(
    '/tickets',
    (s): TicketsSearch =>
      clean({
        q: str(s.q),
        sort: str(s.sort),
        type: str(s.type),
        priority: str(s.priority),
        status: str(s.status),
        open: bool(s.open),
        service: str(s.service),
        teamId: str(s.teamId),
        sla: str(s.sla),
      }),
    TicketsList,
  ),
  createRoute({ getParentRoute: () => appRoute, path: '/tickets/new', component: TicketForm }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/tickets/$ref',
    component: function TicketRoute() {
      const params: Partial<Record<string, string>> = useParams({ strict: false });
      return <TicketDetail id={params.ref ?? ''} />;
    },
  }),
];

const auditRoute = searchRoute(
  '/audit',
  (s): AuditSearch =>
    clean({
      action: str(s.action),
      entityType: str(s.entityType),
      entityId: str(s.entityId),
      actorId: str(s.actorId),
      from: str(s.from),
      to: str(s.to),
    }),
  AuditLog,
  false,
);
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  validateSearch: (s: Raw): NotificationsSearch =>
    clean({ unread: bool(s.unread) === 'true' ? (true as const) : undefined }),
  component: function NotificationsRoute() {
    const navigate = useNavigate();
    return (
      <Notifications
        search={notificationsRoute.useSearch()}
        setSearch={(next) =>
          void navigate({ to: '/notifications', search: clean(next), replace: true })
        }
      />
    );
  },
});
const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outbox',
  validateSearch: (s: Raw): OutboxSearch =>
    clean({ q: str(s.q), status: str(s.status), sort: str(s.sort) }),
  component: function OutboxRoute() {
    const navigate = useNavigate();
    return (
      <Outbox
        search={outboxRoute.useSearch()}
        setSearch={(next) => void navigate({ to: '/outbox', search: clean(next), replace: true })}
      />
    );
  },
});
const attainmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/attainment',
  validateSearch: (s: Raw): AttainmentSearch =>
    clean({
      from: str(s.from),
      to: str(s.to),
      period: str(s.period),
      service: str(s.service),
      priority: str(s.priority),
    }),
  component: function AttainmentRoute() {
    const navigate = useNavigate();
    return (
      <Attainment
        search={attainmentRoute.useSearch()}
        setSearch={(next) =>
          void navigate({ to: '/reports/attainment', search: clean(next), replace: true })
        }
      />
    );
  },
});
const agreementsAttainmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agreements/attainment',
  validateSearch: (s: Raw): AgreementsAttainmentSearch =>
    clean({
      from: str(s.from),
      to: str(s.to),
      period: str(s.period),
      service: str(s.service),
      orgUnit: str(s.orgUnit),
      sort: str(s.sort),
    }),
  component: function AgreementsAttainmentRoute() {
    const navigate = useNavigate();
    return (
      <AgreementsAttainment
        search={agreementsAttainmentRoute.useSearch()}
        setSearch={(next) =>
          void navigate({ to: '/agreements/attainment', search: clean(next), replace: true })
        }
      />
    );
  },
});
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: Account,
});
const governanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/governance',
  component: GovernancePage,
});

const myCommitmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/my-commitments',
  component: MyCommitments,
});

const rolesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/roles',
  validateSearch: (s: Raw): RolesSearch =>
    clean({
      sort: str(s.sort),
      kind: str(s.kind),
      service: str(s.service),
      personId: str(s.personId),
      state: str(s.state),
      activeAt: /^\d{4}-\d{2}-\d{2}$/.test(str(s.activeAt) ?? '') ? str(s.activeAt) : undefined,
    }),
  component: function RolesRoute() {
    const navigate = useNavigate();
    return (
      <RolesList
        search={rolesRoute.useSearch()}
        setSearch={(next) => void navigate({ to: '/roles', search: clean(next), replace: true })}
      />
    );
  },
});
const ownershipRoutes = [
  createRoute({ getParentRoute: () => appRoute, path: '/practices', component: Practices }),
  rolesRoute,
  createRoute({
    getParentRoute: () => appRoute,
    path: '/roles/$id',
    component: function RoleRoute() {
      const params: Partial<Record<string, string>> = useParams({ strict: false });
      return <RolePage id={params.id ?? ''} />;
    },
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/nominations/$id',
    component: function NominationRoute() {
      const params: Partial<Record<string, string>> = useParams({ strict: false });
      return <NominationPage id={params.id ?? ''} />;
    },
  }),
];

const commitmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commitments',
  validateSearch: (s: Raw): CommitmentsSearch =>
    clean({
      backing: s.backing === 'backed' || s.backing === 'unbacked' ? s.backing : undefined,
      status: str(s.status),
      awaitingMe: bool(s.awaitingMe) === 'true' ? ('true' as const) : undefined,
      q: str(s.q),
      sort: str(s.sort),
    }),
  component: function CommitmentsRoute() {
    const navigate = useNavigate();
    return (
      <CommitmentsPage
        search={commitmentsRoute.useSearch()}
        setSearch={(next) =>
          void navigate({ to: '/commitments', search: clean(next), replace: true })
        }
      />
    );
  },
});
const unbackedReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commitments/unbacked',
  component: UnbackedReportPage,
});
const requirementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requirements',
  validateSearch: (s: Raw): RequirementsSearch =>
    clean({
      q: str(s.q),
      sort: str(s.sort),
      status: str(s.status),
      service: str(s.service),
      orgUnit: str(s.orgUnit),
      mine: bool(s.mine) === 'true' ? 'true' : undefined,
    }),
  component: function RequirementsRoute() {
    const navigate = useNavigate();
    return (
      <RequirementsList
        search={requirementsRoute.useSearch()}
        setSearch={(next) =>
          void navigate({ to: '/requirements', search: clean(next), replace: true })
        }
      />
    );
  },
});
const requirementRoutes = [
  requirementsRoute,
  createRoute({
    getParentRoute: () => appRoute,
    path: '/requirements/new',
    component: RequirementForm,
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/requirements/$id',
    component: function RequirementRoute() {
      const params: Partial<Record<string, string>> = useParams({ strict: false });
      return <RequirementPage id={params.id ?? ''} />;
    },
  }),
];
const raciRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/raci',
  component: RaciPage,
});
const agreementVerifyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agreements/verify',
  component: AgreementVerifyPage,
});
const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agreements',
  validateSearch: (s: Raw): AgreementsSearch =>
    clean({ q: str(s.q), sort: str(s.sort), status: str(s.status), orgUnitId: str(s.orgUnitId) }),
  component: function AgreementsRoute() {
    const navigate = useNavigate();
    return (
      <AgreementsList
        search={agreementsRoute.useSearch()}
        setSearch={(next) =>
          void navigate({ to: '/agreements', search: clean(next), replace: true })
        }
      />
    );
  },
});
const agreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agreements/$ref',
  component: function AgreementRoute() {
    const params: Partial<Record<string, string>> = useParams({ strict: false });
    return <AgreementPage agreementRef={params.ref ?? ''} />;
  },
});
const requirementCompareRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requirements/$id/compare',
  component: function RequirementCompareRoute() {
    const params: Partial<Record<string, string>> = useParams({ strict: false });
    return <RequirementComparePage id={params.id ?? ''} />;
  },
});
const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    homeRoute,
    ...comingRoutes,
    ...peopleRoutes,
    ...teamsRoutes,
    ...orgUnitsRoutes,
    ...portfolioRoutes,
    myCommitmentsRoute,
    ...ownershipRoutes,
    commitmentsRoute,
    unbackedReportRoute,
    raciRoute,
    ...requirementRoutes,
    ...ticketsRoutes,
    ...calendarRoutes,
    auditRoute,
    accountRoute,
    governanceRoute,
    notificationsRoute,
    outboxRoute,
    attainmentRoute,
    agreementsAttainmentRoute,
    agreementVerifyRoute,
    requirementCompareRoute,
    agreementsRoute,
    agreementRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
