// Code-based route tree. List filters live in the URL (search params), so a filtered list can
// be bookmarked, shared and exported exactly as shown.
import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  redirect,
  useNavigate,
} from '@tanstack/react-router';
import { isApiError } from './api.js';
import { comingAreas } from './areas.js';
import { AppShell } from './components/shell.js';
import { ErrorBanner, Loading } from './components/ui.js';
import { meQuery } from './queries.js';
import { Account } from './routes/account.js';
import { AuditLog, type AuditSearch } from './routes/audit.js';
import { ComingPage, Home, NotFound } from './routes/coming.js';
import {
  OrgUnitDetail,
  OrgUnitEdit,
  OrgUnitNew,
  OrgUnitsList,
  type OrgUnitsSearch,
} from './routes/org-units.js';
import { PeopleList, type PeopleSearch } from './routes/people-list.js';
import { PersonDetail, PersonEdit, PersonNew } from './routes/person.js';
import { SignIn } from './routes/sign-in.js';
import { TeamDetail, TeamEdit, TeamNew, TeamsList, type TeamsSearch } from './routes/teams.js';

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

const comingRoutes = comingAreas.map((area) =>
  createRoute({
    getParentRoute: () => appRoute,
    path: area.path,
    component: () => <ComingPage area={area} />,
  }),
);

// People
const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: (s: Raw): PeopleSearch =>
    clean({
      q: str(s.q),
      sort: str(s.sort),
      teamId: str(s.teamId),
      orgUnitId: str(s.orgUnitId),
      seniority: str(s.seniority),
      active: bool(s.active),
    }),
  component: function PeopleRoute() {
    const search = peopleRoute.useSearch();
    const navigate = useNavigate();
    return (
      <PeopleList
        search={search}
        setSearch={(next) => void navigate({ to: '/people', search: clean(next), replace: true })}
      />
    );
  },
});
const personNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/new',
  component: PersonNew,
});
const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$personId',
  component: function PersonRoute() {
    const { personId } = personRoute.useParams();
    return <PersonDetail personId={personId} />;
  },
});
const personEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$personId/edit',
  component: function PersonEditRoute() {
    const { personId } = personEditRoute.useParams();
    return <PersonEdit personId={personId} />;
  },
});

// Teams
const teamsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/teams',
  validateSearch: (s: Raw): TeamsSearch =>
    clean({ q: str(s.q), sort: str(s.sort), active: bool(s.active) }),
  component: function TeamsRoute() {
    const search = teamsRoute.useSearch();
    const navigate = useNavigate();
    return (
      <TeamsList
        search={search}
        setSearch={(next) => void navigate({ to: '/teams', search: clean(next), replace: true })}
      />
    );
  },
});
const teamNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/teams/new',
  component: TeamNew,
});
const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/teams/$teamId',
  component: function TeamRoute() {
    const { teamId } = teamRoute.useParams();
    return <TeamDetail teamId={teamId} />;
  },
});
const teamEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/teams/$teamId/edit',
  component: function TeamEditRoute() {
    const { teamId } = teamEditRoute.useParams();
    return <TeamEdit teamId={teamId} />;
  },
});

// Organisation units
const orgUnitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/org-units',
  validateSearch: (s: Raw): OrgUnitsSearch =>
    clean({ q: str(s.q), sort: str(s.sort), active: bool(s.active) }),
  component: function OrgUnitsRoute() {
    const search = orgUnitsRoute.useSearch();
    const navigate = useNavigate();
    return (
      <OrgUnitsList
        search={search}
        setSearch={(next) =>
          void navigate({ to: '/org-units', search: clean(next), replace: true })
        }
      />
    );
  },
});
const orgUnitNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/org-units/new',
  component: OrgUnitNew,
});
const orgUnitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/org-units/$orgUnitId',
  component: function OrgUnitRoute() {
    const { orgUnitId } = orgUnitRoute.useParams();
    return <OrgUnitDetail orgUnitId={orgUnitId} />;
  },
});
const orgUnitEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/org-units/$orgUnitId/edit',
  component: function OrgUnitEditRoute() {
    const { orgUnitId } = orgUnitEditRoute.useParams();
    return <OrgUnitEdit orgUnitId={orgUnitId} />;
  },
});

// Audit and account
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: (s: Raw): AuditSearch =>
    clean({
      action: str(s.action),
      entityType: str(s.entityType),
      entityId: str(s.entityId),
      actorId: str(s.actorId),
      from: str(s.from),
      to: str(s.to),
    }),
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    const navigate = useNavigate();
    return (
      <AuditLog
        search={search}
        setSearch={(next) => void navigate({ to: '/audit', search: clean(next) })}
      />
    );
  },
});
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: Account,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    homeRoute,
    ...comingRoutes,
    peopleRoute,
    personNewRoute,
    personRoute,
    personEditRoute,
    teamsRoute,
    teamNewRoute,
    teamRoute,
    teamEditRoute,
    orgUnitsRoute,
    orgUnitNewRoute,
    orgUnitRoute,
    orgUnitEditRoute,
    auditRoute,
    accountRoute,
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
