// The agreements of one service, for the service page: each with its customer, state, backing
// and expiry, linking to the agreement.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { request, type Page } from '../api.js';
import { AgreementStatusBadge, money, type AgreementSummary } from '../routes/agreements-shared.js';
import { Badge, ErrorBanner, Loading } from './ui.js';

export function ServiceAgreements({ serviceRef }: { serviceRef: string }) {
  const query = useQuery({
    queryKey: ['/agreements', 'service', serviceRef],
    queryFn: ({ signal }) =>
      request<Page<AgreementSummary>>(`/services/${encodeURIComponent(serviceRef)}/agreements`, {
        signal,
      }),
  });
  return (
    <section className="card" aria-labelledby="service-agreements">
      <h2 id="service-agreements">Agreements</h2>
      {query.isPending ? <Loading label="Loading agreements…" /> : null}
      <ErrorBanner error={query.error} />
      {query.data && query.data.items.length === 0 ? (
        <p className="muted">
          No service level agreement yet. One is drawn up when a customer representative chooses an
          option of a requirement.
        </p>
      ) : null}
      {query.data && query.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Agreements of this service</caption>
            <thead>
              <tr>
                <th scope="col">Agreement</th>
                <th scope="col">Customer</th>
                <th scope="col">State</th>
                <th scope="col">Backing</th>
                <th scope="col">In force</th>
                <th scope="col">Cost per month</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to="/agreements/$ref" params={{ ref: a.code }}>
                      {a.code} {a.title}
                    </Link>
                  </td>
                  <td>{a.customer.name}</td>
                  <td>
                    <AgreementStatusBadge status={a.status} />
                  </td>
                  <td>
                    {a.unbackedTargets === 0 ? (
                      <Badge tone="good">All {a.targets} backed</Badge>
                    ) : (
                      <Badge tone="bad">
                        {a.unbackedTargets} of {a.targets} unbacked
                      </Badge>
                    )}
                  </td>
                  <td>
                    {a.effectiveFrom} to {a.expiresOn}
                  </td>
                  <td>{money(a.monthlyCostMinor, a.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
