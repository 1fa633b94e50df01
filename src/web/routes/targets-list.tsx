// Every service level target, filtered by priority, metric and scope (in the URL), with CSV export;
// admins add default targets here (a service's own targets are added on its page).
import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Query } from '../api.js';
import { useIsAdmin } from '../auth.js';
import { SelectField, labelOptions } from '../components/fields.js';
import { ExportLink, ListBody } from '../components/list.js';
import { Empty, PageHeader } from '../components/ui.js';
import { listQuery } from '../queries.js';
import { metricLabels, priorityLabels, type Target } from './calendar-shared.js';
import { TargetForm } from './targets-form.js';
import { TargetsTable } from './targets-table.js';

export type TargetsSearch = { priority?: string; metric?: string; scope?: string };

export function TargetsList({
  search,
  setSearch,
}: {
  search: TargetsSearch;
  setSearch: (s: TargetsSearch) => void;
}) {
  const isAdmin = useIsAdmin();
  const [adding, setAdding] = useState(false);
  const filters: Query = {
    priority: search.priority,
    metric: search.metric,
    serviceId: search.scope === 'default' ? 'default' : undefined,
    sort: 'priority',
  };
  const query = useInfiniteQuery(listQuery<Target>('/service-level-targets', filters, 200));
  const update = (patch: TargetsSearch) => setSearch({ ...search, ...patch });
  return (
    <>
      <PageHeader
        title="Service level targets"
        description="How much business time each priority may take to respond and to resolve, per service or by default, and who is told when it runs out."
        actions={
          <>
            <ExportLink path="/service-level-targets" filters={filters} />
            {isAdmin && !adding ? (
              <button type="button" className="button" onClick={() => setAdding(true)}>
                New default target
              </button>
            ) : null}
          </>
        }
      />
      {adding ? (
        <section className="card" aria-label="New default target">
          <TargetForm serviceId={null} onDone={() => setAdding(false)} />
        </section>
      ) : null}
      <div className="toolbar" role="search" aria-label="Filter targets">
        <SelectField
          label="Priority"
          value={search.priority ?? ''}
          onChange={(v) => update({ priority: v || undefined })}
          placeholder="Any priority"
          options={labelOptions(priorityLabels)}
        />
        <SelectField
          label="Metric"
          value={search.metric ?? ''}
          onChange={(v) => update({ metric: v || undefined })}
          placeholder="Any metric"
          options={labelOptions(metricLabels)}
        />
        <SelectField
          label="Scope"
          value={search.scope ?? ''}
          onChange={(v) => update({ scope: v || undefined })}
          placeholder="Services and defaults"
          options={[{ value: 'default', label: 'Defaults only' }]}
        />
      </div>
      <ListBody
        query={query}
        noun="targets"
        empty={
          <Empty title="No service level targets match.">
            {isAdmin ? 'Add a default target, or one on a service page.' : null}
          </Empty>
        }
      >
        {(items) => <TargetsTable targets={items} caption="Service level targets" showService />}
      </ListBody>
    </>
  );
}
