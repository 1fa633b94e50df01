// The nominee's and the holder's actions, shared by My commitments and the nomination and role
// pages: accept a nomination with the statement shown and a confirm box, or decline it with a
// reason; re-affirm a role, or resign it with a reason.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Nomination, Role } from '../../contract/ownership.js';
import { request } from '../api.js';
import { CheckboxField, TextAreaField } from './fields.js';
import { BusyButton } from './form.js';
import { ErrorBanner } from './ui.js';

/** Refetch what an answer changes: My commitments, service roles, nominations and roles. */
export function useOwnershipRefresh() {
  const qc = useQueryClient();
  return async () => {
    await Promise.all(
      ['/me/commitments', '/services', '/nominations', '/roles', '/practices'].map((key) =>
        qc.invalidateQueries({ queryKey: [key] }),
      ),
    );
  };
}

/** Accept (statement + confirm box) or decline (with a reason) a pending nomination. */
export function NominationAnswer({ nomination: n }: { nomination: Nomination }) {
  const refresh = useOwnershipRefresh();
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
    <>
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
    </>
  );
}

/** Re-affirm a role for another term, or resign it with a reason (holder only). */
export function RoleActions({
  role,
  modes,
}: {
  role: Role;
  modes: readonly ('reaffirm' | 'resign')[];
}) {
  const refresh = useOwnershipRefresh();
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
    <>
      <ErrorBanner error={reaffirm.error ?? resign.error} />
      {modes.includes('reaffirm') ? (
        <BusyButton
          busy={reaffirm.isPending}
          label="Re-affirm"
          busyLabel="Re-affirming…"
          onClick={() => reaffirm.mutate()}
        />
      ) : null}{' '}
      {!modes.includes('resign') ? null : resigning ? (
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
    </>
  );
}
