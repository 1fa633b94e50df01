/**
 * The actions of an escalation level, inside the transaction that claimed it: notify people
 * (assignee, team lead, service owner, the assignee's manager), raise the ticket's priority
 * (an appended, audited ticket event), and queue webhooks (called after the commit).
 */
import type { Instant, PersonId } from '../../core/ids.js';
import type { EscalationAction, NotifyTarget } from '../../core/sla/targets.js';
import { priorities, type Priority } from '../../core/tickets.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import type { Repositories, TicketView } from '../ports.js';
import { changeTicket } from '../tickets/ticket-rules.js';

export interface WebhookCall {
  url: string;
  payload: Record<string, unknown>;
}

export interface LevelContext {
  key: string;
  ticket: TicketView;
  metric: string;
  levelIndex: number;
  dueAt: Instant;
  deadline: Instant | null;
  late: boolean;
  now: Instant;
  describe: string;
}

/** Who a notify action reaches, or why nobody: people are looked up at the time it fires. */
async function recipientsOf(
  repos: Repositories,
  ticket: TicketView,
  to: NotifyTarget,
  now: Instant,
): Promise<{ ids: PersonId[]; note?: string }> {
  switch (to) {
    case 'assignee':
      return ticket.assigneeId ? { ids: [ticket.assigneeId] } : { ids: [], note: 'no assignee' };
    case 'team_lead': {
      const team = ticket.teamId ? await repos.teams.get(ticket.teamId) : null;
      if (!team) return { ids: [], note: 'no assigned team' };
      return team.leadId ? { ids: [team.leadId] } : { ids: [], note: `${team.name} has no lead` };
    }
    case 'service_owner': {
      if (!ticket.serviceId) return { ids: [], note: 'no service' };
      const roles = await repos.ownership.listRoles(
        { kind: 'service_owner', serviceId: ticket.serviceId, activeAt: now },
        { limit: 5 },
      );
      const ids = roles.items.map((r) => r.personId);
      return ids.length ? { ids } : { ids: [], note: 'the service has no active owner' };
    }
    case 'manager': {
      if (!ticket.assigneeId) return { ids: [], note: 'no assignee, so no manager' };
      const manager = await repos.people.managerOf(ticket.assigneeId);
      return manager ? { ids: [manager] } : { ids: [], note: 'the assignee has no manager' };
    }
  }
}

/** The next higher priority (P1 stays P1). */
export const raised = (p: Priority): Priority =>
  priorities[Math.max(0, priorities.indexOf(p) - 1)]!;

/**
 * Performs a level's actions; returns what was done (for the audit entry) and the webhooks to
 * call once the transaction has committed.
 */
export async function performActions(
  repos: Repositories,
  ctx: Ctx,
  level: LevelContext,
  actions: readonly EscalationAction[],
): Promise<{ done: string[]; webhooks: WebhookCall[] }> {
  const done: string[] = [];
  const webhooks: WebhookCall[] = [];
  let ticket = level.ticket;
  const lateNote = level.late ? ` (late: it was due at ${level.dueAt})` : '';
  for (const action of actions) {
    if (action.type === 'notify') {
      const { ids, note } = await recipientsOf(repos, ticket, action.to, level.now);
      if (note) done.push(`notify ${action.to}: skipped, ${note}`);
      for (const recipientId of ids) {
        await notify(repos, ctx, {
          eventKey: level.key,
          recipientId,
          subject: `${ticket.number} ${level.describe}`,
          body: `${ticket.number} "${ticket.title}" (${ticket.priority}, ${ticket.status.replace(/_/g, ' ')}): ${level.describe}${level.deadline ? `; deadline ${level.deadline}` : ''}${lateNote}.`,
          link: `/tickets/${ticket.number}`,
        });
        done.push(`notify ${action.to}: ${recipientId}`);
      }
    } else if (action.type === 'raise_priority') {
      const to = raised(ticket.priority);
      if (to === ticket.priority) {
        done.push(`raise priority: already ${to}`);
        continue;
      }
      const from = ticket.priority;
      ticket = await changeTicket(repos, ctx, ticket, ticket.version, {
        action: 'ticket.escalated',
        event: { priority: to },
        note: `Priority raised from ${from} to ${to} by escalation: ${level.describe}${lateNote}`,
      });
      done.push(`raise priority: ${from} → ${to}`);
    } else {
      webhooks.push({
        url: action.url,
        payload: {
          event: 'sla.escalation',
          key: level.key,
          ticket: {
            id: ticket.id,
            number: ticket.number,
            title: ticket.title,
            priority: ticket.priority,
            status: ticket.status,
            service: ticket.serviceSlug,
          },
          metric: level.metric,
          level: level.levelIndex,
          dueAt: level.dueAt,
          deadline: level.deadline,
          late: level.late,
          at: level.now,
        },
      });
      done.push(`webhook: ${action.url} queued`);
    }
  }
  return { done, webhooks };
}
