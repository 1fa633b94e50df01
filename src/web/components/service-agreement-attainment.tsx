// The service page's "Agreement attainment": for each agreement of the service, its latest
// review periods (the running one included) with compliance, band and net, and the targets.
import { Fragment, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { request } from '../api.js';
import type {
  AgreementAttainmentReport,
  AgreementPeriodAttainment,
} from '../../contract/agreement-attainment.js';
import {
  BandBadge,
  TargetsTable,
  formatMoney,
  formatPercent,
} from '../routes/agreements-attainment.js';
import { DataTable } from './table.js';
import { Badge, ErrorBanner, Loading } from './ui.js';

/** The periods shown per agreement. */
const latest = 3;

/** From the start of the quarter three quarters back to today: enough for 3 months or quarters. */
function range(): { from: string; to: string } {
  const now = new Date();
  const quarterStart = Math.floor(now.getUTCMonth() / 3) * 3;
  return {
    from: new Date(Date.UTC(now.getUTCFullYear(), quarterStart - 9, 1)).toISOString().slice(0, 10),
    to: now.toISOString().slice(0, 10),
  };
}

function PeriodRow({ r }: { r: AgreementPeriodAttainment }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr>
        <td>
          <strong>{r.code}</strong> <span className="muted">{r.customerName}</span>
        </td>
        <td>
          {r.period} {r.complete ? null : <Badge tone="info">In progress</Badge>}
        </td>
        <td className="num">
          {r.targetsMet} of {r.targetsMet + r.targetsMissed}
        </td>
        <td className="num">{formatPercent(r.compliancePercent)}</td>
        <td>
          <BandBadge row={r} />
        </td>
        <td className="num attainment-money">
          <strong>{formatMoney(r.netMinor, r.currency)}</strong>
        </td>
        <td>
          <button
            type="button"
            className="button button--ghost attainment-toggle"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide targets' : 'Targets'}
            <span className="visually-hidden">
              {' '}
              of {r.code} in {r.period}
            </span>
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="table__detail">
          <td colSpan={7}>
            <TargetsTable row={r} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function ServiceAgreementAttainment({
  service,
}: {
  service: { id: string; slug: string; name: string };
}) {
  const { from, to } = useMemo(range, []);
  const q = useQuery({
    queryKey: ['/services/agreement-attainment', service.id, from, to],
    queryFn: ({ signal }) =>
      request<AgreementAttainmentReport>(`/services/${service.id}/agreement-attainment`, {
        query: { from, to },
        signal,
      }),
  });
  const rows = useMemo(() => {
    const byAgreement = new Map<string, AgreementPeriodAttainment[]>();
    for (const r of q.data?.rows ?? []) {
      const list = byAgreement.get(r.agreementId) ?? [];
      list.push(r);
      byAgreement.set(r.agreementId, list);
    }
    return [...byAgreement.values()].flatMap((list) =>
      list.sort((a, b) => b.periodStart.localeCompare(a.periodStart)).slice(0, latest),
    );
  }, [q.data]);
  return (
    <section className="card" aria-labelledby="agreement-attainment-h">
      <h2 id="agreement-attainment-h">Agreement attainment</h2>
      <p className="muted">
        The latest review periods of the agreements of {service.name}: targets met, compliance, the
        money band reached and the net amount (reward − penalty − cost of misses).{' '}
        <Link to="/agreements/attainment" search={{ service: service.slug }}>
          All periods
        </Link>
      </p>
      {q.isPending ? (
        <Loading label="Measuring the agreements' targets…" />
      ) : q.isError ? (
        <ErrorBanner error={q.error} />
      ) : rows.length === 0 ? (
        <p>No agreement of this service was in effect in the last year.</p>
      ) : (
        <DataTable
          caption={`Agreement attainment of ${service.name}`}
          columns={[
            { label: 'Agreement' },
            { label: 'Period' },
            { label: 'Targets met', className: 'num' },
            { label: 'Compliance', className: 'num' },
            { label: 'Band' },
            { label: 'Net', className: 'num' },
            { label: <span className="visually-hidden">Targets</span> },
          ]}
        >
          {rows.map((r) => (
            <Fragment key={`${r.agreementId}|${r.period}`}>
              <PeriodRow r={r} />
            </Fragment>
          ))}
        </DataTable>
      )}
    </section>
  );
}
