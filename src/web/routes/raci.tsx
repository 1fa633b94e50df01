// The RACI of a practice (incident management, change enablement ...), chosen from the list.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '../api.js';
import { SelectField } from '../components/fields.js';
import { RaciTable, raciQuery } from '../components/service-raci.js';
import { ErrorBanner, Loading, PageHeader } from '../components/ui.js';

type Practice = { id: string; key: string; name: string; active: boolean };

export function RaciPage() {
  const practices = useQuery({
    queryKey: ['/practices', 'all'],
    queryFn: () => request<Practice[] | { items: Practice[] }>('/practices'),
  });
  const list = Array.isArray(practices.data) ? practices.data : (practices.data?.items ?? []);
  const [chosen, setChosen] = useState('incident_management');
  const path = `/practices/${encodeURIComponent(chosen)}`;
  const view = useQuery(raciQuery(path));
  return (
    <>
      <PageHeader
        title="RACI by practice"
        description="Who is responsible, accountable, consulted and informed for each practice, derived from accepted roles. Each service's RACI is on its page."
      />
      <div className="toolbar">
        <SelectField
          label="Practice"
          value={chosen}
          onChange={setChosen}
          options={list.filter((p) => p.active).map((p) => ({ value: p.key, label: p.name }))}
        />
      </div>
      {practices.isError ? <ErrorBanner error={practices.error} /> : null}
      <section className="card" aria-label="RACI">
        {view.isPending ? (
          <Loading label="Deriving the RACI…" />
        ) : view.isError ? (
          <ErrorBanner error={view.error} />
        ) : (
          <RaciTable view={view.data} path={path} />
        )}
      </section>
    </>
  );
}
