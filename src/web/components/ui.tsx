// Small presentational building blocks: banners, page headers, states, badges, formatting.
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { isApiError } from '../api.js';

export const STALE_MESSAGE = 'Someone else changed this record; reload to see their changes';

/**
 * The error of a failed request, for the top of a form or page. Field-level issues are shown by
 * the fields; a 412 offers to reload the record.
 */
export function ErrorBanner({
  error,
  onReload,
  fieldKeys = [],
}: {
  error: unknown;
  onReload?: () => void;
  /** Issue paths shown next to fields (so they are not repeated here). */
  fieldKeys?: string[];
}) {
  if (!error) return null;
  if (isApiError(error, 412)) {
    return (
      <div className="banner banner--warning" role="alert">
        <p>{STALE_MESSAGE}</p>
        {onReload ? (
          <button type="button" className="button button--secondary" onClick={onReload}>
            Reload
          </button>
        ) : null}
      </div>
    );
  }
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const others = isApiError(error)
    ? error.issues.filter((i) => !fieldKeys.includes(i.path.split(/[.[]/)[0] ?? ''))
    : [];
  const hasFieldIssues = isApiError(error) && others.length < error.issues.length;
  // When every issue is shown next to its field, the API's long message adds nothing.
  const text =
    hasFieldIssues && others.length === 0
      ? 'Some fields need attention: see the messages below them.'
      : message;
  return (
    <div className="banner banner--error" role="alert">
      <p>{text}</p>
      {others.length > 0 ? (
        <ul>
          {others.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              {i.path ? <code>{i.path}</code> : null} {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {isApiError(error) && error.requestId && error.status >= 500 ? (
        <p className="banner__meta">Request id: {error.requestId}</p>
      ) : null}
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; params?: Record<string, string>; label: string };
}) {
  return (
    <div className="page-header">
      {back ? (
        <Link to={back.to} params={back.params} className="back-link">
          ← {back.label}
        </Link>
      ) : null}
      <div className="page-header__row">
        <div className="page-header__title">
          <h1>{title}</h1>
          {description ? <p className="page-header__description">{description}</p> : null}
        </div>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children ? <div>{children}</div> : null}
    </div>
  );
}

export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'good' | 'bad' | 'info';
  children: ReactNode;
}) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="good">Active</Badge> : <Badge>Inactive</Badge>;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatInstant(iso: string | null | undefined, withTime = true): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (withTime ? dateTime : dateOnly).format(d);
}

export const seniorityLabels: Record<string, string> = {
  executive: 'Executive',
  senior_manager: 'Senior manager',
  manager: 'Manager',
  staff: 'Staff',
  external: 'External',
};

export const roleLabels: Record<string, string> = {
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};
