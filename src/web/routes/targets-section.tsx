// The "Service level targets" section of a service page: the service's own targets, the
// defaults that apply where it has none, and (admins) a form to add one.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useIsAdmin } from '../auth.js';
import { ErrorBanner, Loading } from '../components/ui.js';
import { targetsOfService } from './calendar-shared.js';
import { TargetForm } from './targets-form.js';
import { TargetsTable } from './targets-table.js';

export function ServiceTargets({
  serviceId,
  serviceName,
}: {
  serviceId: string;
  serviceName: string;
}) {
  const isAdmin = useIsAdmin();
  const [adding, setAdding] = useState(false);
  const query = useQuery(targetsOfService(serviceId));
  const scope = (t: { priority: string; metric: string; origin: string; teamId: string | null }) =>
    `${t.priority}|${t.metric}|${t.origin}|${t.teamId ?? ''}`;
  const own = query.data?.own ?? [];
  const overridden = new Set(own.map(scope));
  const defaults = (query.data?.defaults ?? []).filter((t) => !overridden.has(scope(t)));
  return (
    <section className="card" aria-labelledby="targets-h">
      <h2 id="targets-h">Service level targets</h2>
      {query.isPending ? (
        <Loading label="Loading targets…" />
      ) : query.isError ? (
        <ErrorBanner error={query.error} />
      ) : (
        <>
          {own.length === 0 ? (
            <p className="muted">{serviceName} has no targets of its own.</p>
          ) : (
            <TargetsTable targets={own} caption={`Service level targets of ${serviceName}`} />
          )}
          {defaults.length > 0 ? (
            <>
              <h3>Defaults that apply</h3>
              <TargetsTable targets={defaults} caption="Default targets that apply" readOnly />
            </>
          ) : null}
        </>
      )}
      {isAdmin ? (
        adding ? (
          <TargetForm serviceId={serviceId} onDone={() => setAdding(false)} />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setAdding(true)}
          >
            Add a target
          </button>
        )
      ) : null}
      <p className="muted">
        <Link to="/service-level-targets">All service level targets</Link>
      </p>
    </section>
  );
}
