// Practices: each with its accepted process owner and open nominations; "Nominate process
// owner" for admins, the service level manager and the practice's owner; admins add, rename and
// (de)activate practices.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Nomination, Practice } from '../../contract/ownership.js';
import { fetchAll, fieldErrors, request } from '../api.js';
import { useMe } from '../auth.js';
import { TextField } from '../components/fields.js';
import { BusyButton } from '../components/form.js';
import { NomineeFields } from '../components/nominee-fields.js';
import {
  ActiveBadge,
  Badge,
  Empty,
  ErrorBanner,
  Loading,
  PageHeader,
  formatInstant,
} from '../components/ui.js';

const practicesQuery = {
  queryKey: ['/practices', 'all'],
  queryFn: () => fetchAll<Practice>('/practices', { sort: 'name' }),
};
const pendingQuery = {
  queryKey: ['/nominations', 'process_owner', 'pending'],
  queryFn: () =>
    fetchAll<Nomination>('/nominations', { kind: 'process_owner', status: 'pending' }, 1000),
};

function useRefreshPractices() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: ['/practices'] });
    await qc.invalidateQueries({ queryKey: ['/nominations'] });
  };
}

function NominateProcessOwner({ practice, onDone }: { practice: Practice; onDone: () => void }) {
  const refresh = useRefreshPractices();
  const [nomineeId, setNominee] = useState('');
  const [message, setMessage] = useState('');
  const save = useMutation({
    mutationFn: () =>
      request<Nomination>('/nominations', {
        method: 'POST',
        body: { kind: 'process_owner', scope: { practiceId: practice.id }, nomineeId, message },
      }),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={`Nominate process owner of ${practice.name}`}>
      <ErrorBanner error={save.error} fieldKeys={['nomineeId', 'message']} />
      <NomineeFields
        nomineeId={nomineeId}
        onNominee={setNominee}
        message={message}
        onMessage={setMessage}
        errors={errors}
        busy={save.isPending}
        onCancel={onDone}
      />
    </form>
  );
}

function PracticeAdmin({ practice }: { practice: Practice }) {
  const refresh = useRefreshPractices();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(practice.name);
  const patch = useMutation({
    mutationFn: (body: { name?: string; active?: boolean }) =>
      request<Practice>(`/practices/${practice.id}`, {
        method: 'PATCH',
        body,
        version: practice.version,
      }),
    onSuccess: async () => {
      setRenaming(false);
      await refresh();
    },
  });
  const errors = fieldErrors(patch.error);
  return (
    <div className="practice-admin">
      <ErrorBanner error={patch.error} onReload={() => void refresh()} fieldKeys={['name']} />
      {renaming ? (
        <form
          aria-label={`Rename ${practice.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            patch.mutate({ name });
          }}
        >
          <TextField label="New name" value={name} onChange={setName} error={errors.name} />
          <BusyButton busy={patch.isPending} label="Save name" busyLabel="Saving…" submit />{' '}
          <button type="button" className="button button--ghost" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setRenaming(true)}
          >
            Rename
          </button>{' '}
          <BusyButton
            busy={patch.isPending}
            className="button button--secondary"
            label={practice.active ? 'Deactivate' : 'Reactivate'}
            busyLabel="Saving…"
            onClick={() => patch.mutate({ active: !practice.active })}
          />
        </>
      )}
    </div>
  );
}

function AddPractice() {
  const refresh = useRefreshPractices();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => request<Practice>('/practices', { method: 'POST', body: { key, name } }),
    onSuccess: async () => {
      setOpen(false);
      setKey('');
      setName('');
      await refresh();
    },
  });
  const errors = fieldErrors(save.error);
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Add practice
      </button>
    );
  return (
    <form
      className="card"
      aria-label="Add practice"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <ErrorBanner error={save.error} fieldKeys={['key', 'name']} />
      <TextField label="Name" value={name} onChange={setName} error={errors.name} />
      <TextField
        label="Key"
        value={key}
        onChange={setKey}
        error={errors.key}
        hint="Lower-case letters, digits and _, e.g. release_management. It cannot change later."
      />
      <BusyButton busy={save.isPending} label="Add" busyLabel="Adding…" submit />{' '}
      <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}

function PracticeCard({
  practice: p,
  pending,
  canNominate,
  isAdmin,
}: {
  practice: Practice;
  pending: Nomination[];
  canNominate: boolean;
  isAdmin: boolean;
}) {
  const [nominating, setNominating] = useState(false);
  return (
    <li className="card" aria-label={p.name}>
      <h2>
        {p.name} {p.active ? null : <ActiveBadge active={false} />}
      </h2>
      <p className="muted">
        <code>{p.key}</code>
      </p>
      <p data-testid="process-owner">
        Process owner:{' '}
        {p.processOwner ? (
          <>
            <Link to="/roles/$id" params={{ id: p.processOwner.roleId }}>
              <strong>{p.processOwner.name}</strong>
            </Link>{' '}
            <span className="muted">until {formatInstant(p.processOwner.termEndsAt, false)}</span>
          </>
        ) : (
          <Badge tone="bad">No accepted process owner</Badge>
        )}
      </p>
      {pending.length > 0 ? (
        <>
          <h3>Open nominations</h3>
          <ul>
            {pending.map((n) => (
              <li key={n.id}>
                <Link to="/nominations/$id" params={{ id: n.id }}>
                  {n.nominee.name}
                </Link>
                , nominated by {n.nominatedBy.name} on {formatInstant(n.createdAt, false)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canNominate && p.active ? (
        nominating ? (
          <NominateProcessOwner practice={p} onDone={() => setNominating(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setNominating(true)}>
            Nominate process owner
          </button>
        )
      ) : null}
      {isAdmin ? <PracticeAdmin practice={p} /> : null}
    </li>
  );
}

export function Practices() {
  const me = useMe();
  const practices = useQuery(practicesQuery);
  const pending = useQuery(pendingQuery);
  if (practices.isPending) return <Loading label="Loading practices…" />;
  if (practices.isError) return <ErrorBanner error={practices.error} />;
  const isAdmin = me?.role === 'admin';
  const slm = practices.data.find((p) => p.key === 'service_level_management')?.processOwner;
  const mayWrite = me !== undefined && me.role !== 'viewer';
  const isSlm = slm?.personId === me?.personId;
  const byPractice = new Map<string, Nomination[]>();
  for (const n of pending.data ?? []) {
    const key = n.scope.practiceId ?? '';
    byPractice.set(key, [...(byPractice.get(key) ?? []), n]);
  }
  return (
    <>
      <PageHeader
        title="Practices"
        description="Each practice needs a process owner who accepted the role personally."
        actions={isAdmin ? <AddPractice /> : null}
      />
      <ErrorBanner error={pending.error} />
      {practices.data.length === 0 ? (
        <Empty title="No practices yet." />
      ) : (
        <ul className="plain-list">
          {practices.data.map((p) => (
            <PracticeCard
              key={p.id}
              practice={p}
              pending={byPractice.get(p.id) ?? []}
              isAdmin={isAdmin}
              canNominate={
                mayWrite && (isAdmin || isSlm || p.processOwner?.personId === me.personId)
              }
            />
          ))}
        </ul>
      )}
    </>
  );
}
