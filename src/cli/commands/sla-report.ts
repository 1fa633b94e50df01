import type { AttainmentReport } from '../../contract/sla.js';
import { CliError, callApi, type RemoteOptions } from '../context.js';

export interface SlaReportOptions extends RemoteOptions {
  from?: string;
  to?: string;
  period?: string;
  service?: string;
  priority?: string;
  csv?: boolean;
  json?: boolean;
}

const duration = (s: number | null) => {
  if (s === null) return '—';
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}` : `${m}m`;
};
const pct = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)} %`);

/** `charter sla report`: SLA attainment per period, service and priority (table, CSV or JSON). */
export async function slaReport(options: SlaReportOptions): Promise<void> {
  if (!options.from || !options.to)
    throw new CliError('--from and --to are required, e.g. --from 2026-01-01 --to 2026-03-31');
  const params = new URLSearchParams({
    from: options.from,
    to: options.to,
    period: options.period ?? 'month',
    ...(options.service ? { service: options.service } : {}),
    ...(options.priority ? { priority: options.priority } : {}),
    ...(options.csv ? { format: 'csv' } : {}),
  });
  const result = await callApi(options, 'GET', `/api/v1/reports/attainment?${params}`);
  if (options.csv) {
    process.stdout.write(String(result));
    return;
  }
  const report = result as AttainmentReport;
  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const header = [
    'period',
    'service',
    'prio',
    'tickets',
    'met',
    'breached',
    'attainment',
    'respond mean/p90',
    'resolve mean/p90',
  ];
  const lines = report.rows.map((r) => [
    r.period,
    r.serviceSlug ?? '(no service)',
    r.priority,
    String(r.tickets),
    String(r.met),
    String(r.breached),
    pct(r.attainmentPercent),
    `${duration(r.meanRespondSeconds)} / ${duration(r.p90RespondSeconds)}`,
    `${duration(r.meanResolveSeconds)} / ${duration(r.p90ResolveSeconds)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const show = (cells: string[]) =>
    cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(
    `SLA attainment ${report.from.slice(0, 10)} to ${report.to.slice(0, 10)} (end exclusive), business time`,
  );
  console.log(show(header));
  for (const l of lines) console.log(show(l));
  const t = report.totals;
  console.log(
    `\n${t.tickets} ticket(s): ${t.met} met, ${t.breached} breached, ${t.open} open within target, ${t.noTarget} without target; attainment ${pct(t.attainmentPercent)}.`,
  );
}
