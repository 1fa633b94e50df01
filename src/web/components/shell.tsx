// The application shell: header (product, signed-in person, sign-out) and the navigation,
// which collapses into a menu on narrow screens.
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { request, setCsrfToken } from '../api.js';
import { comingAreas } from '../areas.js';
import { meQuery } from '../queries.js';
import { BusyButton } from './form.js';
import { NotificationBell } from './notification-bell.js';
import { roleLabels } from './ui.js';

type NavItem = {
  to: string;
  label: string;
  exact?: boolean;
  /** Other path prefixes under this item (the portfolio's service pages). */
  also?: string;
};

const planned: NavItem[] = [
  { to: '/', label: 'Home', exact: true },
  ...comingAreas.map((a) => ({
    to: a.path,
    label: a.label,
    ...(a.path === '/portfolio' ? { also: '/services' } : {}),
  })),
];
const directory: NavItem[] = [
  { to: '/people', label: 'People' },
  { to: '/teams', label: 'Teams' },
  { to: '/org-units', label: 'Organisation units' },
];
const admin: NavItem[] = [
  { to: '/audit', label: 'Audit log' },
  { to: '/account', label: 'Account' },
];

function NavGroup({ title, items }: { title: string; items: NavItem[] }) {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <div className="nav__group">
      <p className="nav__title">{title}</p>
      <ul>
        {items.map((item) => {
          // A more specific item (e.g. /agreements/attainment) takes the highlight from its parent.
          const deeper = items.some(
            (o) => o.to.startsWith(`${item.to}/`) && pathname.startsWith(o.to),
          );
          return (
            <li key={item.to}>
              <Link
                to={item.to}
                className={
                  item.also && pathname.startsWith(item.also)
                    ? 'nav__link nav__link--active'
                    : 'nav__link'
                }
                activeProps={{ className: 'nav__link nav__link--active', 'aria-current': 'page' }}
                activeOptions={{ exact: (item.exact ?? false) || deeper, includeSearch: false }}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function AppShell() {
  const { data: me } = useSuspenseQuery(meQuery);
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  // Close the menu after navigating, and on Escape.
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const signOut = useMutation({
    mutationFn: () => request<void>('/auth/logout', { method: 'POST' }),
    onSettled: async () => {
      setCsrfToken(null);
      queryClient.clear();
      await navigate({ to: '/sign-in', search: {} });
    },
  });

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="topbar__menu"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span className="hamburger" aria-hidden="true" />
          Menu
        </button>
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          Charter
        </Link>
        <div className="topbar__user">
          <NotificationBell />
          <span className="topbar__who">
            <span className="topbar__name">{me.name}</span>
            <span className="badge badge--info">{roleLabels[me.role] ?? me.role}</span>
          </span>
          <BusyButton
            className="button button--ghost"
            onClick={() => signOut.mutate()}
            busy={signOut.isPending}
            label="Sign out"
            busyLabel="Signing out…"
          />
        </div>
      </header>
      <div className="shell__body">
        <nav id="primary-nav" className={`nav${menuOpen ? ' nav--open' : ''}`} aria-label="Main">
          <p className="nav__me only-narrow">
            Signed in as <strong>{me.name}</strong>{' '}
            <span className="badge badge--info">{roleLabels[me.role] ?? me.role}</span>
          </p>
          <NavGroup title="Service management" items={planned} />
          <NavGroup title="Directory" items={directory} />
          <NavGroup title="Administration" items={admin} />
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
