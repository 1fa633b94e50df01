// Commitments: every promise with who made it, to whom, on whose behalf and whether the
// delivering party accepted it. Filters live in the URL; the ones waiting for my answer can be
// accepted or rejected here; anyone can make a commitment in their own name.
import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Commitment } from '../../contract/commitments.js';
import { fieldErrors, request } from '../api.js';
import { useMe } from '../auth.js';
import { SelectField, TextAreaField, TextField } from '../components/fields.js';
import { BusyButton } from '../components/form.js';
import { ExportLink, ListBody } from '../components/list.js';
import { OrgUnitSelect, PersonSelect, TeamSelect } from '../components/pickers.js';
import { DataTable } from '../components/table.js';
import { Badge, Empty, ErrorBanner, PageHeader, formatInstant } from '../components/ui.js';
import { listQuery } from '../queries.js';

export type CommitmentsSearch = {
  backing?: 'backed' | 'unbacked';
  status?: string;
  awaitingMe?: 'true';
  q?: string;
  sort?: string;
};

export function BackingBadge({ c }: { c: Commitment }) {
  if (c.status !== 'open') return <Badge>{c.status === 'done' ? 'Done' : 'Withdrawn'}</Badge>;
  if (c.backing === 'self') return <Badge tone="good">Backed — own promise</Badge>;
  if (c.backing === 'accepted') return <Badge tone="good">Backed — accepted</Badge>;
  if (c.backing === 'rejected') return <Badge tone="bad">Rejected — unbacked</Badge>;
  return <Badge tone="bad">Unbacked — not accepted</Badge>;
}

function Answer({ c }: { c: Commitment }) {
  const qc = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const answer = useMutation({
    mutationFn: (verb: 'accept' | 'reject') =>
      request<Commitment>(`/commitments/${c.id}/${verb}`, {
        method: 'POST',
        ...(verb === 'reject' ? { body: { reason } } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['/commitments'] }),
  });
  return (
    <div className="inline-confirm" role="group" aria-label={`Answer: ${c.what}`}>
      {rejecting ? (
        <>
          <TextField
            label="Why you reject it"
            value={reason}
            onChange={setReason}
            error={fieldErrors(answer.error).reason}
          />
          <BusyButton
            className="button button--small button--danger"
            busy={answer.isPending}
            label="Reject"
            busyLabel="Rejecting…"
            onClick={() => answer.mutate('reject')}
          />
        </>
      ) : (
        <>
          <BusyButton
            className="button button--small"
            busy={answer.isPending}
            label="Accept"
            busyLabel="Accepting…"
            onClick={() => answer.mutate('accept')}
          />
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setRejecting(true)}
          >
            Reject…
          </button>
        </>
      )}
      {answer.error && !fieldErrors(answer.error).reason ? (
        <ErrorBanner error={answer.error} />
      ) : null}
    </div>
  );
}

/** Closing an open commitment: the maker withdraws it; the maker or the deliverer marks it done. */
function Close({ c, personId }: { c: Commitment; personId: string }) {
  const qc = useQueryClient();
  const close = useMutation({
    mutationFn: (verb: 'done' | 'withdraw') =>
      request<Commitment>(`/commitments/${c.id}/${verb}`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['/commitments'] }),
  });
  const maker = c.makerId === personId;
  const deliverer = c.delivererType === 'team' || c.delivererId === personId;
  if (c.status !== 'open' || !(maker || deliverer)) return null;
  return (
    <div className="inline-confirm" role="group" aria-label={`Close: ${c.what}`}>
      <BusyButton
        className="button button--small button--ghost"
        busy={close.isPending && close.variables === 'done'}
        label="Mark done"
        busyLabel="Saving…"
        onClick={() => close.mutate('done')}
      />
      {maker ? (
        <BusyButton
          className="button button--small button--ghost"
          busy={close.isPending && close.variables === 'withdraw'}
          label="Withdraw"
          busyLabel="Withdrawing…"
          onClick={() => close.mutate('withdraw')}
        />
      ) : null}
      {close.error ? <ErrorBanner error={close.error} /> : null}
    </div>
  );
}

function NewCommitment({ onDone }: { onDone: () => void }) {
  const qc = useQueryClient();
  const [toType, setToType] = useState('org_unit');
  const [toId, setToId] = useState('');
  const [behalf, setBehalf] = useState('self');
  const [delivererId, setDelivererId] = useState('');
  const [what, setWhat] = useState('');
  const [due, setDue] = useState('');
  const create = useMutation({
    mutationFn: () =>
      request<Commitment>('/commitments', {
        method: 'POST',
        body: {
          toType,
          toId,
          what,
          dueAt: due ? new Date(due).toISOString() : '',
          ...(behalf === 'self' ? {} : { delivererType: behalf, delivererId }),
        },
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['/commitments'] });
      onDone();
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const toPicker = { label: 'Made to', value: toId, onChange: setToId, error: errors.toId };
  return (
    <form className="card" onSubmit={submit} aria-label="Make a commitment" noValidate>
      <h2>Make a commitment</h2>
      <p className="muted">
        You are the maker. A promise on behalf of someone else stays unbacked until they accept it.
      </p>
      <ErrorBanner error={create.error} fieldKeys={Object.keys(errors)} />
      <SelectField
        label="To whom"
        value={toType}
        onChange={(v) => {
          setToType(v);
          setToId('');
        }}
        options={[
          { value: 'org_unit', label: 'An organisation unit' },
          { value: 'team', label: 'A team' },
          { value: 'person', label: 'A person' },
        ]}
      />
      {toType === 'person' ? (
        <PersonSelect {...toPicker} />
      ) : toType === 'team' ? (
        <TeamSelect {...toPicker} />
      ) : (
        <OrgUnitSelect {...toPicker} />
      )}
      <SelectField
        label="Who delivers it"
        value={behalf}
        onChange={(v) => {
          setBehalf(v);
          setDelivererId('');
        }}
        options={[
          { value: 'self', label: 'I do, personally' },
          { value: 'team', label: 'A team, on its behalf' },
          { value: 'person', label: 'Another person, on their behalf' },
        ]}
        error={errors.delivererType}
      />
      {behalf === 'team' ? (
        <TeamSelect
          label="Delivering team"
          value={delivererId}
          onChange={setDelivererId}
          error={errors.delivererId}
        />
      ) : behalf === 'person' ? (
        <PersonSelect
          label="Delivering person"
          value={delivererId}
          onChange={setDelivererId}
          error={errors.delivererId}
        />
      ) : null}
      <TextAreaField label="What is promised" value={what} onChange={setWhat} error={errors.what} />
      <TextField
        label="Due by"
        type="datetime-local"
        value={due}
        onChange={setDue}
        error={errors.dueAt}
      />
      <div className="form-actions">
        <BusyButton submit busy={create.isPending} label="Make commitment" busyLabel="Saving…" />
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function CommitmentsPage({
  search,
  setSearch,
}: {
  search: CommitmentsSearch;
  setSearch: (next: CommitmentsSearch) => void;
}) {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const filters = { ...search, sort: search.sort ?? 'dueAt' };
  const query = useInfiniteQuery(listQuery<Commitment>('/commitments', filters));
  const update = (patch: Partial<CommitmentsSearch>) => setSearch({ ...search, ...patch });
  return (
    <>
      <PageHeader
        title="Commitments"
        description="Every promise: who made it, to whom, who delivers it, and whether they accepted it. A promise made on someone else's behalf is unbacked until they accept it."
        actions={
          <>
            <Link to="/commitments/unbacked" className="button button--secondary">
              Unbacked report
            </Link>
            <ExportLink path="/commitments" filters={filters} />
            {me?.role !== 'viewer' ? (
              <button type="button" className="button" onClick={() => setCreating(true)}>
                Make a commitment
              </button>
            ) : null}
          </>
        }
      />
      {creating ? <NewCommitment onDone={() => setCreating(false)} /> : null}
      <div className="toolbar" role="search" aria-label="Filter commitments">
        <SelectField
          label="Backing"
          value={search.backing ?? ''}
          placeholder="Backed or not"
          onChange={(v) => update({ backing: (v || undefined) as CommitmentsSearch['backing'] })}
          options={[
            { value: 'unbacked', label: 'Unbacked' },
            { value: 'backed', label: 'Backed' },
          ]}
        />
        <SelectField
          label="Status"
          value={search.status ?? ''}
          placeholder="Any status"
          onChange={(v) => update({ status: v || undefined })}
          options={[
            { value: 'open', label: 'Open' },
            { value: 'done', label: 'Done' },
            { value: 'withdrawn', label: 'Withdrawn' },
          ]}
        />
        <SelectField
          label="Show"
          value={search.awaitingMe ?? ''}
          placeholder="Everyone's"
          onChange={(v) => update({ awaitingMe: v ? 'true' : undefined })}
          options={[{ value: 'true', label: 'Waiting for my answer' }]}
        />
      </div>
      <ListBody
        query={query}
        noun="commitments"
        empty={<Empty title="No commitments match these filters." />}
      >
        {(items) => (
          <DataTable
            caption="Commitments"
            columns={[
              { label: 'What' },
              { label: 'Made by → to' },
              { label: 'Delivered by' },
              { label: 'Due', sort: 'dueAt' },
              { label: 'Backing', sort: 'status' },
            ]}
            sort={filters.sort}
            onSort={(sort) => update({ sort })}
          >
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.what}
                  {c.serviceName ? <span className="cell-sub">{c.serviceName}</span> : null}
                  {c.rejectionReason ? (
                    <span className="cell-sub">Rejected: {c.rejectionReason}</span>
                  ) : null}
                </td>
                <td>
                  {c.makerName} → {c.toName}
                </td>
                <td>{c.delivererName}</td>
                <td>{formatInstant(c.dueAt, false)}</td>
                <td>
                  <BackingBadge c={c} />
                  {search.awaitingMe && c.backing === 'pending' ? <Answer c={c} /> : null}
                  {me ? <Close c={c} personId={me.personId} /> : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListBody>
    </>
  );
}
