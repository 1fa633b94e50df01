// One nomination: who nominated whom for what, the message and its state. The nominee answers
// here (the same accept/decline as in My commitments); the nominator or an admin may withdraw.
import type { ReactNode } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Nomination } from '../../contract/ownership.js';
import { request } from '../api.js';
import { useMe } from '../auth.js';
import { ConfirmButton } from '../components/form.js';
import { NominationAnswer, useOwnershipRefresh } from '../components/ownership-actions.js';
import {
  Badge,
  Detail,
  ErrorBanner,
  Loading,
  PageHeader,
  formatInstant,
} from '../components/ui.js';
import { recordQuery } from '../queries.js';
import { kindLabel, stateTone } from './ownership-labels.js';

export function ScopeLink({ scope }: { scope: Nomination['scope'] }) {
  return scope.serviceSlug ? (
    <Link to="/services/$ref" params={{ ref: scope.serviceSlug }}>
      {scope.label}
    </Link>
  ) : scope.practiceId ? (
    <Link to="/practices">{scope.label}</Link>
  ) : (
    <>{scope.label}</>
  );
}

/**
 * Header and details card of a nomination or a role: kind of scope as the title, then the state,
 * the people, the scope, the other details and the text the nominee saw (or the holder accepted).
 */
export function OwnershipRecord({
  record,
  description,
  back,
  label,
  people,
  details,
  textTitle,
  text,
  textTestId,
}: {
  record: { kind: string; scope: Nomination['scope']; state: string };
  description: string;
  back: { to: string; label: string };
  /** The card's accessible name. */
  label: string;
  /** Details between the state and the scope. */
  people: ReactNode;
  /** Details after the scope. */
  details: ReactNode;
  textTitle: string;
  text: string;
  textTestId: string;
}) {
  return (
    <>
      <PageHeader
        title={`${kindLabel(record.kind)} of ${record.scope.label}`}
        description={description}
        back={back}
      />
      <section className="card" aria-label={label}>
        <dl className="details">
          <Detail label="State">
            <Badge tone={stateTone(record.state)}>{record.state}</Badge>
          </Detail>
          {people}
          <Detail label="For">
            <ScopeLink scope={record.scope} />
          </Detail>
          {details}
        </dl>
        <h2>{textTitle}</h2>
        <blockquote data-testid={textTestId}>{text}</blockquote>
      </section>
    </>
  );
}

export function NominationPage({ id }: { id: string }) {
  const me = useMe();
  const query = useQuery(recordQuery<Nomination>('/nominations', id));
  const refresh = useOwnershipRefresh();
  const withdraw = useMutation({
    mutationFn: () => request<Nomination>(`/nominations/${id}/withdraw`, { method: 'POST' }),
    onSuccess: refresh,
  });
  if (query.isPending) return <Loading label="Loading the nomination…" />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const n = query.data;
  const pending = n.state === 'pending';
  const isNominee = me?.personId === n.nominee.id;
  const mayWithdraw = pending && (me?.role === 'admin' || me?.personId === n.nominatedBy.id);
  return (
    <>
      <OwnershipRecord
        record={n}
        description={`Nomination of ${n.nominee.name}`}
        back={{ to: '/my-commitments', label: 'My commitments' }}
        label="Nomination"
        people={
          <>
            <Detail label="Nominee">{n.nominee.name}</Detail>
            <Detail label="Nominated by">{n.nominatedBy.name}</Detail>
          </>
        }
        details={
          <>
            <Detail label="Term">{n.termMonths} months</Detail>
            <Detail label="Nominated on">{formatInstant(n.createdAt)}</Detail>
            <Detail label={pending ? 'Open until' : 'Was open until'}>
              {formatInstant(n.expiresAt)}
            </Detail>
            {n.answeredAt ? <Detail label="Answered">{formatInstant(n.answeredAt)}</Detail> : null}
            {n.declineReason ? <Detail label="Reason given">{n.declineReason}</Detail> : null}
            {n.roleId ? (
              <Detail label="Role">
                <Link to="/roles/$id" params={{ id: n.roleId }}>
                  The accepted role
                </Link>
              </Detail>
            ) : null}
          </>
        }
        textTitle="Message"
        text={n.message}
        textTestId="nomination-message"
      />
      {pending && isNominee && n.statement ? (
        <section className="card" aria-label="Your answer">
          <h2>Your answer</h2>
          <NominationAnswer nomination={n} />
        </section>
      ) : null}
      {pending && !isNominee ? (
        <p className="muted">Only {n.nominee.name} can accept or decline this nomination.</p>
      ) : null}
      {mayWithdraw ? (
        <>
          <ErrorBanner error={withdraw.error} />
          <ConfirmButton
            label="Withdraw nomination"
            question={`Withdraw the nomination of ${n.nominee.name}? They can no longer accept it.`}
            confirmLabel="Withdraw"
            busy={withdraw.isPending}
            onConfirm={() => withdraw.mutate()}
          />
        </>
      ) : null}
    </>
  );
}
