/**
 * The escalation scheduler's run: for every open ticket, derive its timers from history, work
 * out which escalation levels of their targets are due, and perform each level's actions exactly
 * once. "Once" is the once-only ledger: the key
 * `escalation:<ticket>:<target>:<metric>:<level>:<deadline>` is claimed in the same transaction
 * as the actions, so several instances (or a repeated run after a crash) fire a level once, and
 * a level missed while Charter was down fires on the next run, marked late. The deadline in the
 * key is the one in force when the level fell due (derived from the history up to that instant),
 * so later pauses do not make it fire again; a changed target or calendar gives new levels.
 */
import { systemActor } from '../../core/actor.js';
import { epochMsOf, instantOf } from '../../core/calendar/units.js';
import type { Instant, PersonId } from '../../core/ids.js';
import { escalationSchedule, firesNow, nextDue } from '../../core/sla/escalation.js';
import { deriveTimer } from '../../core/sla/timer.js';
import { isOpen, type TicketId } from '../../core/tickets.js';
import { recordChange, type Ctx } from '../context.js';
import type { Environment, TicketView, UnitOfWork } from '../ports.js';
import { claimOnce } from '../scheduler/claim-once.js';
import { performActions, type WebhookCall } from './escalation-actions.js';
import { deriveTicketTimers, SlaLookup, type DerivedTimer } from './ticket-sla.js';

export interface EscalationOptions {
  /** A level fired more than this after it fell due is reported late (default 2 minutes). */
  lateAfterMs?: number;
  webhookTimeoutMs?: number;
  /** Open tickets looked at per run at most (default 50,000), oldest first. */
  maxTickets?: number;
  /**
   * Keys this scheduler instance knows are claimed (keep one Set per instance across runs): spares
   * a ledger write per run for levels fired long ago. The ledger stays the only guarantee.
   */
  remembered?: Set<string>;
}

export interface EscalationOutcome {
  tickets: number;
  fired: number;
  late: number;
  /** Levels another instance (or an earlier run) had already fired. */
  alreadyFired: number;
  webhooks: { sent: number; failed: number };
  /** The next instant a level falls due (for the scheduler's information). */
  nextDueAt: Instant | null;
}

const maxRemembered = 100_000;

const pageSize = 500;

const describeLevel = (d: DerivedTimer, index: number): string => {
  const at = d.target.escalations[index]!.at;
  const what = d.target.metric === 'response' ? 'time to respond' : 'time to resolve';
  const ola = d.target.origin === 'assigned_to_team' ? ' (team OLA)' : '';
  if ('percent' in at) return `has used ${at.percent} % of its ${what}${ola}`;
  const minutes = Math.round(Math.abs(at.offsetSeconds) / 60);
  if (at.offsetSeconds === 0) return `reached its ${what} deadline${ola}`;
  return at.offsetSeconds < 0
    ? `is ${minutes} business minutes from its ${what} deadline${ola}`
    : `is ${minutes} business minutes past its ${what} deadline${ola}`;
};

async function callWebhook(call: WebhookCall, timeoutMs: number) {
  try {
    const res = await fetch(call.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Charter escalations' },
      body: JSON.stringify(call.payload),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    await res.body?.cancel();
    return res.ok
      ? { ok: true, status: res.status, error: null }
      : { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (error) {
    return { ok: false, status: null, error: (error as Error).message.slice(0, 500) };
  }
}

/** One run of the escalation scheduler at `now`. */
export async function escalateTickets(
  uow: UnitOfWork,
  env: Environment,
  now: Instant,
  options: EscalationOptions = {},
): Promise<EscalationOutcome> {
  const at = epochMsOf(now);
  const lateAfterMs = options.lateAfterMs ?? 120_000;
  const ctx: Ctx = {
    actor: systemActor('system' as PersonId, 'Charter escalations'),
    requestId: null,
    env: { now: () => now, newId: () => env.newId() },
  };
  const outcome: EscalationOutcome = {
    tickets: 0,
    fired: 0,
    late: 0,
    alreadyFired: 0,
    webhooks: { sent: 0, failed: 0 },
    nextDueAt: null,
  };
  let next: number | null = null;
  const claimed = options.remembered ?? new Set<string>();
  const remember = (key: string) => {
    if (claimed.size >= maxRemembered) claimed.clear();
    claimed.add(key);
  };
  const lookup = new SlaLookup(uow.read);
  const max = options.maxTickets ?? 50_000;
  let cursor: string | undefined;
  do {
    const page = await uow.read.tickets.list(
      { open: true },
      { limit: pageSize, cursor, sort: { field: 'createdAt', desc: false } },
    );
    cursor = page.nextCursor ?? undefined;
    const histories = await uow.read.tickets.histories(page.items.map((t) => t.id));
    for (const ticket of page.items) {
      outcome.tickets++;
      const history = histories.get(ticket.id) ?? [];
      for (const d of await deriveTicketTimers(lookup, ticket, history, at)) {
        if (d.target.escalations.length === 0 || d.timer.stop !== null) continue;
        const schedule = escalationSchedule(d.timer, d.target.escalations, d.compiled, at);
        const upcoming = nextDue(schedule, at);
        if (upcoming !== null && (next === null || upcoming < next)) next = upcoming;
        for (const s of schedule) {
          if (!firesNow(s, d.compiled, at)) continue;
          // The deadline in force when the level fell due: stable whatever happens later.
          const deadline = deriveTimer(d.facts, d.timerTarget, s.dueAt!).deadline;
          const deadlineIso = deadline === null ? 'none' : instantOf(deadline);
          const key = `escalation:${ticket.id}:${d.target.id}:${d.target.metric}:${s.index}:${deadlineIso}`;
          if (claimed.has(key)) continue;
          const late = at - s.fireAt! > lateAfterMs;
          const result = await fireLevel(uow, ctx, key, ticket.id, d, s.index, {
            dueAt: instantOf(s.fireAt!),
            deadline: deadline === null ? null : instantOf(deadline),
            late,
          });
          remember(key);
          if (result === null) {
            outcome.alreadyFired++;
            continue;
          }
          outcome.fired++;
          if (late) outcome.late++;
          for (const call of result) {
            const sent = await callWebhook(call, options.webhookTimeoutMs ?? 5_000);
            outcome.webhooks[sent.ok ? 'sent' : 'failed']++;
            await uow.transaction((repos) =>
              recordChange(repos.audit, ctx, {
                action: 'sla.escalation_webhook',
                entityType: 'ticket',
                entityId: ticket.id,
                after: { key, url: call.url, ...sent },
              }),
            );
          }
        }
      }
      if (outcome.tickets >= max) cursor = undefined;
    }
  } while (cursor);
  outcome.nextDueAt = next === null ? null : instantOf(next);
  return outcome;
}

/** Claims and performs one level in one transaction; null when it was already claimed. */
function fireLevel(
  uow: UnitOfWork,
  ctx: Ctx,
  key: string,
  ticketId: TicketId,
  d: DerivedTimer,
  index: number,
  when: { dueAt: Instant; deadline: Instant | null; late: boolean },
): Promise<WebhookCall[] | null> {
  return uow.transaction(async (repos) => {
    const ticket: TicketView | null = await repos.tickets.get(ticketId);
    if (!ticket || !isOpen(ticket.status)) return null;
    if (!(await claimOnce(repos, key, ctx.env.now()))) return null;
    const level = d.target.escalations[index]!;
    const describe = describeLevel(d, index);
    const { done, webhooks } = await performActions(
      repos,
      ctx,
      {
        key,
        ticket,
        metric: d.target.metric,
        levelIndex: index,
        dueAt: when.dueAt,
        deadline: when.deadline,
        late: when.late,
        now: ctx.env.now(),
        describe,
      },
      level.actions,
    );
    await recordChange(repos.audit, ctx, {
      action: 'sla.escalated',
      entityType: 'ticket',
      entityId: ticket.id,
      after: {
        key,
        number: ticket.number,
        targetId: d.target.id,
        metric: d.target.metric,
        level: index,
        at: level.at,
        dueAt: when.dueAt,
        deadline: when.deadline,
        late: when.late,
        note: when.late ? `late: due at ${when.dueAt}, fired at ${ctx.env.now()}` : null,
        actions: done,
      },
    });
    return webhooks;
  });
}
