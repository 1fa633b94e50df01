import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { startWithAdminAndViewer, type signIn, type TestServer } from '../../../test/server.js';

type Call = Awaited<ReturnType<typeof signIn>>;
interface TicketJson {
  id: string;
  number: string;
  status: string;
  version: number;
  nextStatuses: string[];
}

describe.each(dialects)('tickets over HTTP on %s', (dialect) => {
  let s: TestServer;
  let admin: Call;
  let viewer: Call;

  beforeEach(async () => {
    ({ s, admin, viewer } = await startWithAdminAndViewer(dialect));
    const res = await admin({
      method: 'POST',
      url: '/api/v1/services',
      payload: { name: 'Payments', kind: 'technical_service' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterEach(() => s.close());

  it('opens a ticket, moves it with If-Match, shows its history, lists and exports it', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/v1/tickets' })).statusCode).toBe(401);
    const denied = await viewer({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { title: 'x' },
    });
    expect(denied.statusCode).toBe(403);
    const created = await admin({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { title: 'Card payments fail', priority: 'P1', impact: 'outage' },
    });
    expect(created.statusCode).toBe(201);
    const t = created.json<TicketJson>();
    expect(t).toMatchObject({ number: 'INC-000001', status: 'new' });
    expect(t.nextStatuses).toContain('in_progress');
    expect(t.nextStatuses).not.toContain('closed');

    const noIfMatch = await admin({
      method: 'POST',
      url: `/api/v1/tickets/${t.number}/status`,
      payload: { status: 'in_progress' },
    });
    expect(noIfMatch.statusCode).toBe(428);
    const moved = await admin({
      method: 'POST',
      url: `/api/v1/tickets/${t.number}/status`,
      payload: { status: 'in_progress', note: 'On it' },
      headers: { 'if-match': '"1"' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).toBe('"2"');
    const refused = await admin({
      method: 'POST',
      url: `/api/v1/tickets/${t.id}/status`,
      payload: { status: 'closed' },
      headers: { 'if-match': '"2"' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { issues: { path: string }[] } }>().error.issues[0]!.path).toBe(
      'status',
    );
    const unknown = await admin({
      method: 'POST',
      url: `/api/v1/tickets/${t.id}/status`,
      payload: { status: 'parked' },
      headers: { 'if-match': '"2"' },
    });
    expect(unknown.statusCode).toBe(400);

    const history = await viewer({ method: 'GET', url: `/api/v1/tickets/inc-000001/history` });
    expect(
      history.json<{ items: { status: string; note: string | null }[] }>().items,
    ).toMatchObject([{ status: 'new' }, { status: 'in_progress', note: 'On it' }]);
    const list = await viewer({ method: 'GET', url: '/api/v1/tickets?open=true&priority=P1' });
    expect(list.json<{ items: TicketJson[] }>().items.map((x) => x.number)).toEqual(['INC-000001']);
    const csv = await viewer({ method: 'GET', url: '/api/v1/tickets?format=csv' });
    expect(csv.body.split('\r\n')[0]).toMatch(/^number,type,serviceSlug,priority/);
    expect(csv.body).toContain('INC-000001,incident,,P1,outage,in_progress,Card payments fail');
    expect((await viewer({ method: 'GET', url: '/api/v1/tickets/INC-999999' })).statusCode).toBe(
      404,
    );
  });

  it('imports JSON Lines as a stream: failing lines reported, re-import unchanged', async () => {
    const body = [
      JSON.stringify({
        externalId: 'A-1',
        service: 'payments',
        impact: 'outage',
        createdAt: '2026-01-05T10:00:00Z',
        history: [
          { at: '2026-01-05T10:10:00Z', status: 'in_progress' },
          { at: '2026-01-05T12:00:00Z', status: 'resolved' },
        ],
      }),
      JSON.stringify({ externalId: 'A-2', service: 'nope', createdAt: '2026-01-06T10:00:00Z' }),
      JSON.stringify({
        externalId: 'A-3',
        createdAt: '2026-01-06T10:00:00Z',
        history: [{ at: '2026-01-06T11:00:00Z', status: 'on_hold' }],
      }),
    ].join('\n');
    const send = (call: Call) =>
      call({
        method: 'POST',
        url: '/api/v1/tickets/import?source=legacy',
        payload: body,
        headers: { 'content-type': 'application/x-ndjson' },
      });
    const first = await send(admin);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      imported: 1,
      unchanged: 0,
      failed: 2,
      failures: [
        { line: 2, field: 'service' },
        { line: 3, field: 'history.0.status' },
      ],
    });
    expect((await send(admin)).json()).toMatchObject({ imported: 0, unchanged: 1, failed: 2 });
    expect((await send(viewer)).statusCode).toBe(403);
    const all = (await viewer({ method: 'GET', url: '/api/v1/tickets' })).json<{
      items: TicketJson[];
    }>();
    expect(all.items).toHaveLength(1);

    const availability = await viewer({
      method: 'GET',
      url: '/api/v1/services/payments/availability?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z',
    });
    expect(availability.statusCode).toBe(200);
    expect(availability.json()).toMatchObject({
      periods: [{ allHours: { downSeconds: 7200, totalSeconds: 31 * 86400 }, outages: 1 }],
    });
    const reversed = await viewer({
      method: 'GET',
      url: '/api/v1/services/payments/availability?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    });
    expect(reversed.statusCode).toBe(400);
  });

  it('shows SLA timers from the target that applies, derived from the history', async () => {
    const target = await admin({
      method: 'POST',
      url: '/api/v1/service-level-targets',
      payload: {
        priority: 'P2',
        metric: 'resolution',
        duration: { businessSeconds: 4 * 3600 },
        calendarId: '00000000-0000-4000-8000-000000024707',
      },
    });
    expect(target.statusCode).toBe(201);
    const created = await admin({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { title: 'Refunds stuck', priority: 'P2' },
    });
    const t = created.json<TicketJson & { timers: { metric: string; state: string }[] }>();
    expect(t.timers).toMatchObject([{ metric: 'resolution', state: 'running' }]);
    await admin({
      method: 'POST',
      url: `/api/v1/tickets/${t.id}/status`,
      payload: { status: 'pending_customer' },
      headers: { 'if-match': '"1"' },
    });
    const list = await viewer({ method: 'GET', url: '/api/v1/tickets?priority=P2' });
    expect(
      list.json<{ items: { timers: { state: string }[] }[] }>().items[0]!.timers,
    ).toMatchObject([{ state: 'paused' }]);
    const p4 = await admin({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { title: 'No target', priority: 'P4' },
    });
    expect(p4.json<{ timers: unknown[] }>().timers).toEqual([]);
  });
});
