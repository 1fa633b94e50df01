import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import {
  bearer,
  startWithAdminAndViewer,
  type signIn,
  type TestServer,
} from '../../../test/server.js';

type Call = Awaited<ReturnType<typeof signIn>>;

describe.each(dialects)('Alertmanager webhook on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let token: (o: Parameters<Call>[0]) => ReturnType<Call>;

  const alert = (status: 'firing' | 'resolved', extra: object = {}) => ({
    status,
    labels: { alertname: 'PaymentsDown', service: 'payments', severity: 'critical' },
    annotations: { summary: 'Payments API is down' },
    startsAt: '2026-03-01T08:00:00Z',
    endsAt: status === 'resolved' ? '2026-03-01T08:45:00Z' : '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.example/graph',
    fingerprint: 'abc123',
    ...extra,
  });
  const payload = (alerts: object[]) => ({
    version: '4',
    groupKey: '{}:{alertname="PaymentsDown"}',
    status: 'firing',
    receiver: 'charter',
    alerts,
  });
  const hook = (alerts: object[], call = token) =>
    call({ method: 'POST', url: '/api/v1/integrations/alertmanager', payload: payload(alerts) });

  beforeEach(async () => {
    ({ s, admin } = await startWithAdminAndViewer(dialect));
    await admin({
      method: 'POST',
      url: '/api/v1/services',
      payload: { name: 'Payments', kind: 'technical_service' },
    });
    const created = await admin({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'alertmanager', scope: 'write' },
    });
    token = bearer(s.app, created.json<{ token: string }>().token);
  });
  afterEach(() => s.close());

  it('opens one incident per alert, deduplicates repeats, and resolves at endsAt', async () => {
    const opened = await hook([alert('firing')]);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      failed: 0,
      results: [{ outcome: 'opened', ticket: 'INC-000001' }],
    });
    expect((await hook([alert('firing')])).json()).toMatchObject({
      results: [{ outcome: 'deduplicated', ticket: 'INC-000001' }],
    });
    const incident = (
      await token({ method: 'GET', url: '/api/v1/tickets/INC-000001' })
    ).json<object>();
    expect(incident).toMatchObject({
      priority: 'P1',
      impact: 'outage',
      status: 'new',
      title: 'Payments API is down',
      serviceSlug: 'payments',
      createdAt: '2026-03-01T08:00:00.000Z',
    });
    expect((await hook([alert('resolved')])).json()).toMatchObject({
      results: [{ outcome: 'resolved', ticket: 'INC-000001' }],
    });
    const resolved = (
      await token({ method: 'GET', url: '/api/v1/tickets/INC-000001' })
    ).json<object>();
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: '2026-03-01T08:45:00.000Z' });
    expect((await hook([alert('resolved')])).json()).toMatchObject({
      results: [{ outcome: 'ignored' }],
    });
    const list = (await token({ method: 'GET', url: '/api/v1/tickets' })).json<{
      items: unknown[];
    }>();
    expect(list.items).toHaveLength(1);
  });

  it('handles each alert on its own: an unknown service fails only that alert', async () => {
    const res = await hook([
      alert('firing', { fingerprint: 'f1', labels: { alertname: 'Disk', service: 'nowhere' } }),
      alert('firing', {
        fingerprint: 'f2',
        labels: { alertname: 'Latency', charter_service: 'payments', severity: 'warning' },
      }),
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      failed: 1,
      results: [
        { index: 0, outcome: 'failed', field: 'alerts.0.labels.service' },
        { index: 1, outcome: 'opened', ticket: 'INC-000001' },
      ],
    });
    expect(res.json<{ results: { message: string }[] }>().results[0]!.message).toContain(
      'alert 0 (Disk): no service has the slug nowhere',
    );
    const t = (await token({ method: 'GET', url: '/api/v1/tickets/INC-000001' })).json<object>();
    expect(t).toMatchObject({ priority: 'P3', impact: 'degraded' });
  });

  it('takes only API tokens with write scope', async () => {
    expect(
      (
        await s.app.inject({
          method: 'POST',
          url: '/api/v1/integrations/alertmanager',
          payload: payload([alert('firing')]),
        })
      ).statusCode,
    ).toBe(401);
    expect((await hook([alert('firing')], admin)).statusCode).toBe(403);
    const read = await admin({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'read only', scope: 'read' },
    });
    const reader = bearer(s.app, read.json<{ token: string }>().token);
    expect((await hook([alert('firing')], reader)).statusCode).toBe(403);
    const bad = await hook([{ status: 'exploded', fingerprint: 'x', startsAt: 'yesterday' }]);
    expect(bad.statusCode).toBe(400);
  });
});
