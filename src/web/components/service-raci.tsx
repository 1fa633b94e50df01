// A RACI matrix: who is responsible, accountable, consulted and informed, with the basis of
// each entry, the gaps worth acting on, and a CSV download.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RaciView } from '../../contract/raci.js';
import { apiUrl, request } from '../api.js';
import { Badge, ErrorBanner, Loading } from './ui.js';

const roleLabels: Record<RaciView['entries'][number]['role'], string> = {
  accountable: 'A — Accountable',
  responsible: 'R — Responsible',
  consulted: 'C — Consulted',
  informed: 'I — Informed',
};
const partyLabels: Record<string, string> = {
  person: 'Person',
  team: 'Team',
  org_unit: 'Organisation unit',
  none: '—',
};

export const raciQuery = (path: string) =>
  queryOptions({
    queryKey: [path, 'raci'],
    queryFn: ({ signal }) => request<RaciView>(`${path}/raci`, { signal }),
  });

export function RaciTable({ view, path }: { view: RaciView; path: string }) {
  return (
    <>
      {view.flags.length > 0 ? (
        <ul className="plain-list raci__flags" aria-label="Gaps">
          {view.flags.map((f) => (
            <li key={f}>
              <Badge tone="bad">Gap</Badge> {f}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="table-wrap">
        <table className="table raci">
          <caption className="visually-hidden">RACI of {view.subject.name}</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Party</th>
              <th scope="col">Person</th>
              <th scope="col">Basis</th>
            </tr>
          </thead>
          <tbody>
            {view.entries.map((e, i) => (
              <tr key={i} className={e.partyType === 'none' ? 'raci__missing' : undefined}>
                <td>{roleLabels[e.role]}</td>
                <td>
                  {e.partyType === 'none' ? <Badge tone="bad">{e.party}</Badge> : e.party}
                  <span className="cell-sub">{partyLabels[e.partyType]}</span>
                </td>
                <td>
                  {e.person ?? <span className="muted">—</span>}
                  {e.email ? <span className="cell-sub">{e.email}</span> : null}
                </td>
                <td>{e.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a
          className="button button--secondary"
          href={apiUrl(`${path}/raci`, { format: 'csv' })}
          download
        >
          Download RACI (CSV)
        </a>
      </p>
    </>
  );
}

/** The RACI section of a service page. */
export function ServiceRaci({ serviceRef }: { serviceRef: string }) {
  const path = `/services/${encodeURIComponent(serviceRef)}`;
  const query = useQuery(raciQuery(path));
  return (
    <section className="card" aria-labelledby="raci-h">
      <h2 id="raci-h">RACI</h2>
      {query.isPending ? (
        <Loading label="Deriving the RACI…" />
      ) : query.isError ? (
        <ErrorBanner error={query.error} />
      ) : (
        <RaciTable view={query.data} path={path} />
      )}
    </section>
  );
}
