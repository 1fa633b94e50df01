import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentWorld } from '../../../test/agreement-documents.js';
import { dialects } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { startWithAdminAndViewer } from '../../../test/server.js';
import type { DocumentVerification } from '../../contract/agreement-documents.js';

describe.each(dialects)('agreement documents over HTTP on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof startWithAdminAndViewer>>;
  let w: Awaited<ReturnType<typeof documentWorld>>;

  beforeEach(async () => {
    ctx = await startWithAdminAndViewer(dialect);
    w = await documentWorld(ctx.s.t.uow, testEnvironment());
  });
  afterEach(() => ctx.s.close());

  const url = (ref: string, n: number, format?: string) =>
    `/api/v1/agreements/${ref}/versions/${n}/document${format ? `?format=${format}` : ''}`;

  it('serves each format with its content type and file name, by code or id, to any signed-in reader', async () => {
    const html = await ctx.viewer({ method: 'GET', url: url(w.code, 1) });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toBe(`inline; filename="${w.code}-v1.html"`);
    expect(html.body).toContain('<!DOCTYPE html>');
    const md = await ctx.viewer({ method: 'GET', url: url(w.agreementId, 1, 'md') });
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers['content-disposition']).toBe(`attachment; filename="${w.code}-v1.md"`);
    const pdf = await ctx.viewer({ method: 'GET', url: url(w.code.toLowerCase(), 1, 'pdf') });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${w.code}-v1.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The same version, the same bytes.
    const again = await ctx.admin({ method: 'GET', url: url(w.code, 1, 'pdf') });
    expect(again.rawPayload.equals(pdf.rawPayload)).toBe(true);
  });

  it('says what is wrong with a bad format, version or agreement, and refuses strangers', async () => {
    const bad = await ctx.viewer({ method: 'GET', url: url(w.code, 1, 'docx') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('must be html, md or pdf');
    expect((await ctx.viewer({ method: 'GET', url: url(w.code, 2, 'pdf') })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'GET', url: url('SLA-9999', 1) })).statusCode).toBe(404);
    expect((await ctx.s.app.inject({ method: 'GET', url: url(w.code, 1) })).statusCode).toBe(401);
  });

  it.each([
    ['pdf', 'application/pdf'],
    ['html', 'text/html'],
    ['md', 'text/markdown'],
    ['pdf', 'application/octet-stream'],
    ['md', 'text/plain'],
  ])('verifies an uploaded %s sent as %s', async (format, contentType) => {
    const file = await ctx.viewer({ method: 'GET', url: url(w.code, 1, format) });
    const res = await ctx.viewer({
      method: 'POST',
      url: '/api/v1/agreements/verify',
      headers: { 'content-type': contentType },
      payload: file.rawPayload,
    });
    expect(res.statusCode).toBe(200);
    const result = res.json<DocumentVerification>();
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      agreementCode: w.code,
      version: 1,
      contentHash: w.hash,
    });
  });

  it('reports an altered document as not ok, naming the check that failed', async () => {
    const file = await ctx.viewer({ method: 'GET', url: url(w.code, 1, 'html') });
    const res = await ctx.viewer({
      method: 'POST',
      url: '/api/v1/agreements/verify',
      headers: { 'content-type': 'text/html' },
      payload: file.body.replace(`${w.owner.name}, for the service`, 'Mallory, for the service'),
    });
    expect(res.statusCode).toBe(200);
    const result = res.json<DocumentVerification>();
    expect(result.ok).toBe(false);
    const failed = result.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.name)).toEqual(['document text']);
    expect(failed[0]!.detail).toMatch(/altered after signing/);
  });

  it('asks for the file itself, and for sign-in', async () => {
    const json = await ctx.viewer({
      method: 'POST',
      url: '/api/v1/agreements/verify',
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.body).toContain('Send the document itself');
    const anonymous = await ctx.s.app.inject({
      method: 'POST',
      url: '/api/v1/agreements/verify',
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.7'),
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
