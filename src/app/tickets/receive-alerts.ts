import { requireWrite } from '../../core/actor.js';
import { DomainError, forbidden, invalid } from '../../core/errors.js';
import type { Instant } from '../../core/ids.js';
import { isOpen, type Impact, type Priority } from '../../core/tickets.js';
import type { AlertmanagerPayload, AlertmanagerResult } from '../../contract/tickets.js';
import type { Ctx } from '../context.js';
import type { Repositories, TicketView, UnitOfWork } from '../ports.js';
import { insertTicket } from './create-ticket.js';
import { changeTicket } from './ticket-rules.js';

type Alert = AlertmanagerPayload['alerts'][number];
type Result = AlertmanagerResult['results'][number];

export const alertSource = 'alertmanager';

/** critical → P1, warning → P3, anything else P3. */
export const priorityOf = (labels: Record<string, string>): Priority =>
  labels.severity === 'critical' ? 'P1' : 'P3';

/** `impact` label when valid; otherwise outage for critical alerts, degraded for the rest. */
export function impactOf(labels: Record<string, string>): Impact {
  const label = labels.impact;
  if (label === 'outage' || label === 'degraded' || label === 'none') return label;
  return labels.severity === 'critical' ? 'outage' : 'degraded';
}

const earliest = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/** The incident of an alert: the same firing (fingerprint and start), or an open one. */
async function incidentOf(repos: Repositories, alert: Alert): Promise<TicketView | null> {
  const exact = await repos.tickets.getByExternalRef(
    alertSource,
    `${alert.fingerprint}@${alert.startsAt}`,
  );
  if (exact) return exact;
  const open = await repos.tickets.findOpenByExternalPrefix(alertSource, `${alert.fingerprint}@`);
  return open[0] ?? null;
}

async function receive(
  repos: Repositories,
  ctx: Ctx,
  alert: Alert,
  path: string,
): Promise<Pick<Result, 'outcome' | 'ticket' | 'message'>> {
  const now = ctx.env.now();
  const found = await incidentOf(repos, alert);
  if (alert.status === 'firing') {
    if (found) return { outcome: 'deduplicated', ticket: found.number, message: null };
    const slug = alert.labels.service ?? alert.labels.charter_service;
    if (!slug)
      throw invalid(
        `${path}.labels.service`,
        'is missing; label the alert with service (or charter_service) = the service slug',
      );
    const service = await repos.services.getBySlug(slug);
    const label = alert.labels.service !== undefined ? 'service' : 'charter_service';
    if (!service) throw invalid(`${path}.labels.${label}`, `no service has the slug ${slug}`);
    const summary = alert.annotations.summary ?? alert.labels.alertname ?? 'Alert';
    const details = [
      alert.annotations.description,
      alert.generatorURL ? `Source: ${alert.generatorURL}` : undefined,
      `Labels: ${Object.entries(alert.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    ].filter(Boolean);
    const ticket = await insertTicket(repos, ctx, {
      type: 'incident',
      serviceId: service.id,
      priority: priorityOf(alert.labels),
      impact: impactOf(alert.labels),
      title: summary.slice(0, 300),
      description: details.join('\n\n'),
      requesterId: null,
      teamId: service.teamId,
      assigneeId: null,
      // The incident starts when the alert started (never in the future).
      createdAt: earliest(alert.startsAt, now) as Instant,
      changes: [],
      externalRef: { source: alertSource, id: `${alert.fingerprint}@${alert.startsAt}` },
      creatorId: ctx.actor.personId,
    });
    return { outcome: 'opened', ticket: ticket.number, message: null };
  }
  if (!found) return { outcome: 'ignored', ticket: null, message: 'no incident for this alert' };
  if (!isOpen(found.status))
    return { outcome: 'ignored', ticket: found.number, message: `already ${found.status}` };
  const endsAt =
    alert.endsAt && !Number.isNaN(Date.parse(alert.endsAt))
      ? new Date(alert.endsAt).toISOString()
      : now;
  const resolved = await changeTicket(repos, ctx, found, found.version, {
    action: 'ticket.status_changed',
    event: { status: 'resolved' },
    note: 'Resolved by Alertmanager',
    at: earliest(endsAt, now) as Instant,
  });
  return { outcome: 'resolved', ticket: resolved.number, message: null };
}

/**
 * Alertmanager's webhook: a firing alert opens an incident on the service named by its
 * `service` (or `charter_service`) label, once per alert (fingerprint); a resolved alert
 * resolves it at `endsAt`. Each alert is handled on its own, in its own transaction.
 */
export async function receiveAlerts(
  uow: UnitOfWork,
  ctx: Ctx,
  payload: AlertmanagerPayload,
): Promise<AlertmanagerResult> {
  if (ctx.actor.via !== 'token')
    throw forbidden('The Alertmanager webhook takes an API token (Authorization: Bearer).');
  requireWrite(ctx.actor, 'open incidents from alerts');
  const results: Result[] = [];
  for (const [index, alert] of payload.alerts.entries()) {
    const base = { index, fingerprint: alert.fingerprint, field: null };
    try {
      const r = await uow.transaction((repos) => receive(repos, ctx, alert, `alerts.${index}`));
      results.push({ ...base, ...r });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const issue = error.issues?.[0];
      results.push({
        ...base,
        outcome: 'failed',
        ticket: null,
        field: issue?.path ?? null,
        message: `alert ${index} (${alert.labels.alertname ?? alert.fingerprint}): ${issue?.message ?? error.message}`,
      });
    }
  }
  return { failed: results.filter((r) => r.outcome === 'failed').length, results };
}
