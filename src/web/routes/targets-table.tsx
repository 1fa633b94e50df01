// Service level targets as a table: what, how long, on which calendar, pauses and escalations;
// admins change or delete a target in place.
import { Fragment, useState } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { request } from '../api.js';
import { useIsAdmin } from '../auth.js';
import { DataTable } from '../components/table.js';
import { ErrorBanner } from '../components/ui.js';
import { serviceQuery } from '../services.js';
import {
  calendarsAll,
  formatDuration,
  formatEscalation,
  metricLabels,
  statusLabels,
  type Target,
} from './calendar-shared.js';
import { TargetForm } from './targets-form.js';

export function TargetsTable({
  targets,
  caption,
  showService = false,
  readOnly = false,
}: {
  targets: Target[];
  caption: string;
  showService?: boolean;
  readOnly?: boolean;
}) {
  const isAdmin = useIsAdmin() && !readOnly;
  const qc = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const { data: calendars } = useQuery(calendarsAll);
  const calendarName = new Map((calendars ?? []).map((c) => [c.id, c.name]));
  const serviceIds = showService
    ? [...new Set(targets.flatMap((t) => (t.serviceId ? [t.serviceId] : [])))]
    : [];
  const services = useQueries({ queries: serviceIds.map((id) => serviceQuery(id)) });
  const serviceName = new Map(
    services.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])),
  );
  const remove = useMutation({
    mutationFn: (t: Target) =>
      request<void>(`/service-level-targets/${t.id}`, { method: 'DELETE', version: t.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['/service-level-targets'] }),
  });
  const columns = [
    ...(showService ? [{ label: 'Service' }] : []),
    { label: 'Priority' },
    { label: 'Metric' },
    { label: 'Target' },
    { label: 'Calendar' },
    { label: 'Pauses on' },
    { label: 'Escalations', className: 'col-optional' },
    ...(isAdmin ? [{ label: 'Actions' }] : []),
  ];
  return (
    <>
      <ErrorBanner error={remove.error} />
      <DataTable caption={caption} columns={columns}>
        {targets.map((t) => (
          <Fragment key={t.id}>
            <tr>
              {showService ? (
                <td>
                  {t.serviceId ? (
                    <Link
                      to="/services/$ref"
                      params={{ ref: serviceName.get(t.serviceId)?.slug ?? t.serviceId }}
                    >
                      {serviceName.get(t.serviceId)?.name ?? 'Loading…'}
                    </Link>
                  ) : (
                    <span className="muted">Default</span>
                  )}
                </td>
              ) : null}
              <td>{t.priority}</td>
              <td>
                {metricLabels[t.metric]}
                {t.origin === 'assigned_to_team' ? (
                  <span className="cell-sub">from assignment to the team (OLA)</span>
                ) : null}
              </td>
              <td>{formatDuration(t.duration)}</td>
              <td>
                <Link to="/calendars/$calendarId" params={{ calendarId: t.calendarId }}>
                  {calendarName.get(t.calendarId) ?? 'Calendar'}
                </Link>
              </td>
              <td>
                {t.pauseStatuses.length ? (
                  t.pauseStatuses.map((s) => statusLabels[s] ?? s).join(', ')
                ) : (
                  <span className="muted">Never pauses</span>
                )}
              </td>
              <td className="col-optional">
                {t.escalations.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <ul className="plain-list plain-list--tight">
                    {t.escalations.map((l, i) => (
                      <li key={i}>{formatEscalation(l)}</li>
                    ))}
                  </ul>
                )}
              </td>
              {isAdmin ? (
                <td>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    onClick={() => setEditing(editing === t.id ? null : t.id)}
                    aria-label={`Change the ${t.priority} ${t.metric} target`}
                  >
                    Change
                  </button>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(t)}
                    aria-label={`Delete the ${t.priority} ${t.metric} target`}
                  >
                    Delete
                  </button>
                </td>
              ) : null}
            </tr>
            {editing === t.id ? (
              <tr>
                <td colSpan={columns.length}>
                  <TargetForm serviceId={t.serviceId} target={t} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </DataTable>
    </>
  );
}
