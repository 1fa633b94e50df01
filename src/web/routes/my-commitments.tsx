// My commitments: nominations to answer (accept with the statement shown and a confirm box, or
// decline with a reason), roles to re-affirm, and my roles (resign with a reason). Other areas
// add sections through the API; unknown sections are listed plainly.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommitmentItem,
  MyCommitments as MyCommitmentsBody,
} from '../../contract/ownership.js';
import { request } from '../api.js';
import { CheckboxField, TextAreaField } from '../components/fields.js';
import { BusyButton } from '../components/form.js';
import { Empty, ErrorBanner, Loading, PageHeader, formatInstant } from '../components/ui.js';

const commitmentsQuery = {
  queryKey: ['/me/commitments'],
  queryFn: () => request<MyCommitmentsBody>('/me/commitments'),
};

function useRefresh() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: ['/me/commitments'] });
    await qc.invalidateQueries({ queryKey: ['/services'] });
  };
}

function NominationItem({ item }: { item: CommitmentItem }) {
  const n = item.nomination!;
  const refresh = useRefresh();
  const [confirmed, setConfirmed] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const accept = useMutation({
    mutationFn: () =>
      request(`/nominations/${n.id}/accept`, { method: 'POST', body: { statement: n.statement } }),
    onSuccess: refresh,
  });
  const decline = useMutation({
    mutationFn: () => request(`/nominations/${n.id}/decline`, { method: 'POST', body: { reason } }),
    onSuccess: refresh,
  });
  return (
    <li className="card" aria-label={item.title}>
      <h3>{item.title}</h3>
      <p>
        Nominated by {n.nominatedBy.name} on {formatInstant(n.createdAt, false)}; open until{' '}
        {formatInstant(n.expiresAt, false)}.
      </p>
      <blockquote>{n.message}</blockquote>
      <ErrorBanner error={accept.error ?? decline.error} />
      <p>Statement of accountability:</p>
      <blockquote data-testid="statement">{n.statement}</blockquote>
      <CheckboxField
        label="I accept this personally, as myself"
        checked={confirmed}
        onChange={setConfirmed}
      />
      <button
        type="button"
        className="button"
        disabled={!confirmed || accept.isPending}
        onClick={() => accept.mutate()}
      >
        {accept.isPending ? 'Accepting…' : 'Accept'}
      </button>{' '}
      {declining ? (
        <>
          <TextAreaField label="Reason for declining" value={reason} onChange={setReason} />
          <BusyButton
            busy={decline.isPending}
            label="Decline"
            busyLabel="Declining…"
            className="button button--secondary"
            onClick={() => decline.mutate()}
          />
        </>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setDeclining(true)}
        >
          Decline…
        </button>
      )}
    </li>
  );
}

function RoleItem({ item, mode }: { item: CommitmentItem; mode: 'reaffirm' | 'resign' }) {
  const role = item.role!;
  const refresh = useRefresh();
  const [resigning, setResigning] = useState(false);
  const [reason, setReason] = useState('');
  const reaffirm = useMutation({
    mutationFn: () => request(`/roles/${role.id}/reaffirm`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const resign = useMutation({
    mutationFn: () => request(`/roles/${role.id}/resign`, { method: 'POST', body: { reason } }),
    onSuccess: refresh,
  });
  return (
    <li className="card" aria-label={item.title}>
      <h3>{item.title}</h3>
      <p>
        {item.detail} <span className="muted">({role.state})</span>
      </p>
      <ErrorBanner error={reaffirm.error ?? resign.error} />
      {mode === 'reaffirm' ? (
        <BusyButton
          busy={reaffirm.isPending}
          label="Re-affirm"
          busyLabel="Re-affirming…"
          onClick={() => reaffirm.mutate()}
        />
      ) : resigning ? (
        <>
          <TextAreaField label="Reason for resigning" value={reason} onChange={setReason} />
          <BusyButton
            busy={resign.isPending}
            label="Resign"
            busyLabel="Resigning…"
            className="button button--secondary"
            onClick={() => resign.mutate()}
          />
        </>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setResigning(true)}
        >
          Resign…
        </button>
      )}
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
                    <h3>{item.title}</h3>
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
