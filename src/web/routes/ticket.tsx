// A ticket: its details, buttons for the status moves allowed from here, assignment, and the
// full status history as a timeline.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { request } from '../api.js';
import { useMe } from '../auth.js';
import { TextField } from '../components/fields.js';
import { BusyButton } from '../components/form.js';
import { PersonSelect, TeamSelect, usePeopleById, useTeamsById } from '../components/pickers.js';
import { Detail, ErrorBanner, Loading, PageHeader, formatInstant } from '../components/ui.js';
import {
  PriorityBadge,
  StatusBadge,
  impactLabels,
  moveLabels,
  statusLabels,
  ticketHistoryQuery,
  ticketQuery,
  typeLabels,
  type Ticket,
} from './tickets-shared.js';
import { TicketSlaTimers } from './ticket-sla.js';

export function TicketDetail({ id: ref }: { id: string }) {
  const query = useQuery(ticketQuery(ref));
  const me = useMe();
  const canWrite = me?.role === 'admin' || me?.role === 'member';
  const teams = useTeamsById();
  const people = usePeopleById();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  const t = query.data;
  const name = (id: string | null, map: Map<string, { name: string }>) =>
    id ? (map.get(id)?.name ?? '…') : <span className="muted">None</span>;

  return (
    <>
      <PageHeader
        back={{ to: '/tickets', label: 'Tickets' }}
        title={`${t.number}: ${t.title}`}
        description={
          <span className="service-meta">
            {typeLabels[t.type]} <PriorityBadge priority={t.priority} />{' '}
            <StatusBadge status={t.status} />
          </span>
        }
      />
      {canWrite ? <StatusButtons ticket={t} /> : null}
      <section className="card" aria-label="Details">
        {t.description ? (
          <p className="prose">{t.description}</p>
        ) : (
          <p className="muted">No description.</p>
        )}
        <dl className="details">
          <Detail label="Status">
            <StatusBadge status={t.status} />
          </Detail>
          <Detail label="Service">
            {t.serviceSlug ? (
              <Link to="/services/$ref" params={{ ref: t.serviceSlug }}>
                {t.serviceName}
              </Link>
            ) : (
              <span className="muted">None</span>
            )}
          </Detail>
          <Detail label="Priority">{t.priority}</Detail>
          <Detail label="Impact">{impactLabels[t.impact] ?? t.impact}</Detail>
          <Detail label="Team">{name(t.teamId, teams)}</Detail>
          <Detail label="Assignee">{name(t.assigneeId, people)}</Detail>
          <Detail label="Requester">{name(t.requesterId, people)}</Detail>
          <Detail label="Created">{formatInstant(t.createdAt)}</Detail>
          <Detail label="First response">{formatInstant(t.firstResponseAt)}</Detail>
          <Detail label="Resolved">{formatInstant(t.resolvedAt)}</Detail>
          <Detail label="Closed">{formatInstant(t.closedAt)}</Detail>
          {t.externalRef ? (
            <Detail label="Imported from">
              <code>
                {t.externalRef.source}: {t.externalRef.id}
              </code>
            </Detail>
          ) : null}
        </dl>
      </section>
      <TicketSlaTimers
        ticketId={t.id}
        version={t.version}
        teamName={(id) => (id ? (teams.get(id)?.name ?? '…') : 'no team')}
      />
      {canWrite && !['closed', 'cancelled'].includes(t.status) ? <Assign ticket={t} /> : null}
      <History ticket={t} teams={teams} people={people} />
    </>
  );
}

function useTicketMutation<I>(t: Ticket, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: I) =>
      request<Ticket>(`/tickets/${t.id}/${path}`, { method: 'POST', body, version: t.version }),
    onSuccess: async (saved) => {
      qc.setQueryData(ticketQuery(saved.number).queryKey, saved);
      await qc.invalidateQueries({ queryKey: ['/tickets'] });
    },
  });
}

function StatusButtons({ ticket: t }: { ticket: Ticket }) {
  const [note, setNote] = useState('');
  const move = useTicketMutation<{ status: string; note: string | null }>(t, 'status');
  if (t.nextStatuses.length === 0)
    return (
      <p className="muted">This ticket is {statusLabels[t.status]?.toLowerCase()}: it is final.</p>
    );
  return (
    <section className="card" aria-label="Change status">
      <div className="form-actions">
        {t.nextStatuses.map((s) => (
          <BusyButton
            key={s}
            busy={move.isPending && move.variables?.status === s}
            className={s === 'cancelled' ? 'button button--ghost' : 'button button--secondary'}
            label={moveLabels[s] ?? statusLabels[s]}
            busyLabel="Saving…"
            onClick={() =>
              move.mutate(
                { status: s, note: note.trim() || null },
                { onSuccess: () => setNote('') },
              )
            }
          />
        ))}
      </div>
      <TextField label="Note for the history (optional)" value={note} onChange={setNote} />
      <ErrorBanner error={move.error} />
    </section>
  );
}

function Assign({ ticket: t }: { ticket: Ticket }) {
  const [teamId, setTeamId] = useState(t.teamId ?? '');
  const [assigneeId, setAssigneeId] = useState(t.assigneeId ?? '');
  const assign = useTicketMutation<{ teamId: string | null; assigneeId: string | null }>(
    t,
    'assign',
  );
  return (
    <section className="card" aria-labelledby="assign-h">
      <h2 id="assign-h">Assignment</h2>
      <div className="grid-2 grid-2--flat">
        <TeamSelect label="Team" value={teamId} onChange={setTeamId} />
        <PersonSelect label="Assignee" value={assigneeId} onChange={setAssigneeId} />
      </div>
      <BusyButton
        busy={assign.isPending}
        label="Assign"
        busyLabel="Assigning…"
        onClick={() => assign.mutate({ teamId: teamId || null, assigneeId: assigneeId || null })}
      />
      <ErrorBanner error={assign.error} />
    </section>
  );
}

function History({
  ticket,
  teams,
  people,
}: {
  ticket: Ticket;
  teams: Map<string, { name: string }>;
  people: Map<string, { name: string }>;
}) {
  const history = useQuery(ticketHistoryQuery(ticket.id));
  return (
    <section className="card" aria-labelledby="history-h">
      <h2 id="history-h">History</h2>
      {history.isPending ? (
        <Loading label="Loading the history…" />
      ) : history.isError ? (
        <ErrorBanner error={history.error} />
      ) : (
        <ol className="plain-list timeline" aria-label="Status history">
          {history.data.items.map((e, i, all) => {
            const before = all[i - 1];
            const changes = [
              before && before.priority !== e.priority
                ? `priority ${before.priority} → ${e.priority}`
                : null,
              before && before.impact !== e.impact ? `impact ${e.impact}` : null,
              (!before || before.teamId !== e.teamId) && e.teamId
                ? `team ${teams.get(e.teamId)?.name ?? '…'}`
                : null,
              (!before || before.assigneeId !== e.assigneeId) && e.assigneeId
                ? `assignee ${people.get(e.assigneeId)?.name ?? '…'}`
                : null,
            ].filter(Boolean);
            return (
              <li key={e.seq} className="timeline__item">
                <time dateTime={e.at}>{formatInstant(e.at)}</time> <StatusBadge status={e.status} />
                {i === 0 ? ' created' : ''}
                {changes.length ? <span className="cell-sub">{changes.join(' · ')}</span> : null}
                <span className="cell-sub">
                  {e.actorId ? `by ${people.get(e.actorId)?.name ?? 'someone'}` : 'imported'}
                  {e.note ? ` — ${e.note}` : ''}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
