// One role: the statement its holder accepted, the term, the acceptance and re-affirmations,
// and for the holder the same re-affirm and resign actions as in My commitments.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Role, RoleAffirmations } from '../../contract/ownership.js';
import { request } from '../api.js';
import { useMe } from '../auth.js';
import { RoleActions } from '../components/ownership-actions.js';
import { DataTable } from '../components/table.js';
import { Detail, ErrorBanner, Loading, formatInstant } from '../components/ui.js';
import { recordQuery } from '../queries.js';
import { OwnershipRecord } from './nomination.js';

const endLabels: Record<string, string> = {
  handed_over: 'handed over to a new holder',
  resigned: 'resigned',
  revoked: 'revoked',
};

function Affirmations({ id }: { id: string }) {
  const query = useQuery({
    queryKey: ['/roles', 'affirmations', id],
    queryFn: () => request<RoleAffirmations>(`/roles/${encodeURIComponent(id)}/affirmations`),
  });
  if (query.isPending) return <Loading label="Loading affirmations…" />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  return (
    <DataTable
      caption="Affirmations"
      columns={[{ label: 'When' }, { label: 'What' }, { label: 'Term until' }]}
    >
      {query.data.items.map((a) => (
        <tr key={a.at}>
          <td>{formatInstant(a.at)}</td>
          <td>{a.kind === 'accepted' ? 'Accepted' : 'Re-affirmed'}</td>
          <td>{formatInstant(a.termEndsAt, false)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function RolePage({ id }: { id: string }) {
  const me = useMe();
  const query = useQuery(recordQuery<Role>('/roles', id));
  if (query.isPending) return <Loading label="Loading the role…" />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const r = query.data;
  const isHolder = me?.personId === r.person.id;
  return (
    <>
      <OwnershipRecord
        record={r}
        description={`Held by ${r.person.name}`}
        back={{ to: '/roles', label: 'Roles' }}
        label="Role"
        people={<Detail label="Holder">{r.person.name}</Detail>}
        details={
          <>
            <Detail label="Accepted">{formatInstant(r.acceptedAt)}</Detail>
            <Detail label="Term">
              {r.termMonths} months, until {formatInstant(r.termEndsAt, false)}
            </Detail>
            {r.endedAt ? (
              <Detail label="Ended">
                {formatInstant(r.endedAt)}
                {r.endReason ? ` (${endLabels[r.endReason] ?? r.endReason})` : ''}
                {r.endNote ? `: ${r.endNote}` : ''}
              </Detail>
            ) : null}
            <Detail label="Nomination">
              <Link to="/nominations/$id" params={{ id: r.nominationId }}>
                The nomination
              </Link>
            </Detail>
          </>
        }
        textTitle="Statement of accountability"
        text={r.statement}
        textTestId="role-statement"
      />
      <section className="card" aria-label="Affirmations">
        <h2>Acceptance and re-affirmations</h2>
        <Affirmations id={r.id} />
      </section>
      {isHolder && r.state !== 'ended' && r.state !== 'pending' ? (
        <section className="card" aria-label="Your role">
          <h2>Your role</h2>
          <p className="muted">
            Re-affirming adds a term from the later of today and the current term end.
          </p>
          <RoleActions role={r} modes={['reaffirm', 'resign']} />
        </section>
      ) : null}
    </>
  );
}
