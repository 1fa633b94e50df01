// A ticket's SLA timers with their explanation: the rule that applied and the timeline of
// intervals counted, paused and closed, in business time of the target's calendar.
import { useQuery } from '@tanstack/react-query';
import type { SlaTimer, TicketSla } from '../../contract/sla.js';
import { request } from '../api.js';
import { Badge, ErrorBanner, Loading, formatInstant } from '../components/ui.js';
import { TimerBadge, formatSeconds, statusLabels } from './tickets-shared.js';

const intervalLabels: Record<SlaTimer['explanation']['intervals'][number]['kind'], string> = {
  counted: 'Counted',
  paused: 'Paused',
  closed: 'Closed',
  not_started: 'Not started',
};
const intervalTones = {
  counted: 'info',
  paused: 'neutral',
  closed: 'good',
  not_started: 'neutral',
} as const;

export function TicketSlaTimers({
  ticketId,
  version,
  teamName,
}: {
  ticketId: string;
  /** The ticket's version: a change of the ticket derives the timers again. */
  version: number;
  teamName: (id: string | null) => string;
}) {
  const query = useQuery({
    queryKey: ['ticket-sla', ticketId, version],
    queryFn: ({ signal }) => request<TicketSla>(`/tickets/${ticketId}/sla`, { signal }),
  });
  return (
    <section className="card" aria-labelledby="sla-h">
      <h2 id="sla-h">SLA timers</h2>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorBanner error={query.error} /> : null}
      {query.data && query.data.timers.length === 0 ? (
        <p className="muted">No service level target applies to this ticket.</p>
      ) : null}
      {query.data?.timers.map((timer) => (
        <article
          key={`${timer.metric}-${timer.origin}-${timer.teamId ?? ''}`}
          className="sla-timer"
          aria-label={`${timer.metric} timer${timer.teamId ? ` (OLA, ${teamName(timer.teamId)})` : ''}`}
        >
          <p>
            <TimerBadge timer={timer} />{' '}
            {timer.origin === 'assigned_to_team' ? (
              <Badge tone="neutral">OLA · {teamName(timer.teamId)}</Badge>
            ) : null}
          </p>
          <p className="cell-sub">
            {timer.deadline ? `Deadline ${formatInstant(timer.deadline)} · ` : ''}
            {formatSeconds(timer.elapsedSeconds)} of {formatSeconds(timer.targetSeconds)} counted (
            {Math.round(timer.percentUsed)} %)
            {timer.pausedSeconds > 0 ? ` · paused ${formatSeconds(timer.pausedSeconds)}` : ''}
            {timer.breachAt ? ` · breached ${formatInstant(timer.breachAt)}` : ''}
          </p>
          <p className="cell-sub" data-testid="sla-rule">
            {timer.explanation.rule} Calendar: {timer.calendarName} ({timer.timeZone}).
          </p>
          <details>
            <summary>Explanation: {timer.explanation.intervals.length} intervals</summary>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>From</th>
                    <th>To</th>
                    <th>Status</th>
                    <th>Clock</th>
                    <th>Business time</th>
                  </tr>
                </thead>
                <tbody>
                  {timer.explanation.intervals.map((i) => (
                    <tr key={`${i.from}-${i.kind}`}>
                      <td>{formatInstant(i.from)}</td>
                      <td>{formatInstant(i.to)}</td>
                      <td>{statusLabels[i.status] ?? i.status}</td>
                      <td>
                        <Badge tone={intervalTones[i.kind]}>{intervalLabels[i.kind]}</Badge>
                      </td>
                      <td>{formatSeconds(i.seconds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </article>
      ))}
    </section>
  );
}
