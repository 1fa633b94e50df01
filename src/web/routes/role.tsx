// One role: the statement its holder accepted, the term, the acceptance and re-affirmations,
// and for the holder the same re-affirm and resign actions as in My commitments.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Role, RoleAffirmations } from '../../contract/ownership.js';
import { request } from '../api.js';
import { useMe } from '../auth.js';
import { RoleActions } from '../components/ownership-actions.js';
import { DataTable } from '../components/table.js';
import {
  Badge,
  Detail,
  ErrorBanner,
  Loading,
  PageHeader,
  formatInstant,
} from '../components/ui.js';
import { recordQuery } from '../queries.js';
import { ScopeLink } from './nomination.js';
import { kindLabel, stateTone } from './ownership-labels.js';

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
      <PageHeader
        title={`${kindLabel(r.kind)} of ${r.scope.label}`}
        description={`Held by ${r.person.name}`}
        back={{ to: '/roles', label: 'Roles' }}
      />
      <section className="card" aria-label="Role">
        <dl className="details">
          <Detail label="State">
            <Badge tone={stateTone(r.state)}>{r.state}</Badge>
          </Detail>
          <Detail label="Holder">{r.person.name}</Detail>
          <Detail label="For">
            <ScopeLink scope={r.scope} />
          </Detail>
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
        </dl>
        <h2>Statement of accountability</h2>
        <blockquote data-testid="role-statement">{r.statement}</blockquote>
      </section>
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
