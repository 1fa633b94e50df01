// The unbacked report: open commitments the delivering party never accepted (or rejected),
// grouped by who made them, most first.
import { useQuery } from '@tanstack/react-query';
import type { UnbackedReport } from '../../contract/commitments.js';
import { apiUrl, request } from '../api.js';
import { Empty, ErrorBanner, Loading, PageHeader, formatInstant } from '../components/ui.js';
import { BackingBadge } from './commitments.js';

export function UnbackedReportPage() {
  const report = useQuery({
    queryKey: ['/commitments', 'unbacked-report'],
    queryFn: ({ signal }) => request<UnbackedReport>('/commitments/unbacked-report', { signal }),
  });
  return (
    <>
      <PageHeader
        back={{ to: '/commitments', label: 'Commitments' }}
        title="Unbacked commitments"
        description="Promises attributed to a person or team who never accepted them, by who made them."
        actions={
          <a
            className="button button--secondary"
            href={apiUrl('/commitments/unbacked-report', { format: 'csv' })}
            download
          >
            Export CSV
          </a>
        }
      />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorBanner error={report.error} />
      ) : report.data.makers.length === 0 ? (
        <Empty title="No unbacked commitments: every promise is backed." />
      ) : (
        report.data.makers.map((m) => (
          <section key={m.maker.id} className="card" aria-label={m.maker.name}>
            <h2>
              {m.maker.name} <span className="muted">({m.count} unbacked)</span>
            </h2>
            <p className="muted">
              {m.maker.email} · oldest made {formatInstant(m.oldest, false)}
            </p>
            <ul className="plain-list">
              {m.items.map((c) => (
                <li key={c.id}>
                  <strong>{c.what}</strong> — on behalf of {c.delivererName}, to {c.toName}, due{' '}
                  {formatInstant(c.dueAt, false)} <BackingBadge c={c} />
                  {c.rejectionReason ? (
                    <span className="cell-sub">Rejected: {c.rejectionReason}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
