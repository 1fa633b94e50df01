// My commitments: nominations to answer (accept with the statement shown and a confirm box, or
// decline with a reason), roles to re-affirm, and my roles (resign with a reason). Other areas
// add sections through the API; unknown sections are listed plainly.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type {
  CommitmentItem,
  MyCommitments as MyCommitmentsBody,
} from '../../contract/ownership.js';
import { request } from '../api.js';
import { NominationAnswer, RoleActions } from '../components/ownership-actions.js';
import { Empty, ErrorBanner, Loading, PageHeader, formatInstant } from '../components/ui.js';

const commitmentsQuery = {
  queryKey: ['/me/commitments'],
  queryFn: () => request<MyCommitmentsBody>('/me/commitments'),
};

function NominationItem({ item }: { item: CommitmentItem }) {
  const n = item.nomination!;
  return (
    <li className="card" aria-label={item.title}>
      <h3>
        <Link to="/nominations/$id" params={{ id: n.id }}>
          {item.title}
        </Link>
      </h3>
      <p>
        Nominated by {n.nominatedBy.name} on {formatInstant(n.createdAt, false)}; open until{' '}
        {formatInstant(n.expiresAt, false)}.
      </p>
      <blockquote>{n.message}</blockquote>
      <NominationAnswer nomination={n} />
    </li>
  );
}

function RoleItem({ item, mode }: { item: CommitmentItem; mode: 'reaffirm' | 'resign' }) {
  const role = item.role!;
  return (
    <li className="card" aria-label={item.title}>
      <h3>
        <Link to="/roles/$id" params={{ id: role.id }}>
          {item.title}
        </Link>
      </h3>
      <p>
        {item.detail} <span className="muted">({role.state})</span>
      </p>
      <RoleActions role={role} modes={[mode]} />
    </li>
  );
}

export function MyCommitments() {
  const query = useQuery(commitmentsQuery);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  return (
    <>
      <PageHeader
        title="My commitments"
        description="What you are asked to accept, and the roles you hold. Nobody can accept on your behalf."
      />
      {query.data.sections.map((section) => (
        <section key={section.key} aria-label={section.title}>
          <h2>{section.title}</h2>
          {section.items.length === 0 ? (
            <Empty title="Nothing here" />
          ) : (
            <ul className="plain-list">
              {section.items.map((item) =>
                section.key === 'nominations_to_answer' && item.nomination ? (
                  <NominationItem key={item.id} item={item} />
                ) : item.role ? (
                  <RoleItem
                    key={item.id}
                    item={item}
                    mode={section.key === 'roles_to_reaffirm' ? 'reaffirm' : 'resign'}
                  />
                ) : (
                  <li key={item.id} className="card">
                    <h3>{item.link ? <a href={item.link}>{item.title}</a> : item.title}</h3>
                    {item.detail ? <p>{item.detail}</p> : null}
                    {item.due ? (
                      <p className="muted">Due {formatInstant(item.due, false)}</p>
                    ) : null}
                  </li>
                ),
              )}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
