import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';
import { documentWorld, sampleContent, samplePayload } from '../../../test/agreement-documents.js';
import { contentHash } from '../../core/agreements/content.js';
import { documentPayload, readTextPayload, renderHtml } from '../../core/agreements/document.js';
import type { Instant } from '../../core/ids.js';
import { agreementDocument } from './agreement-document.js';
import { pdfPayloadKey, pdfReproduces, readPdfPayload, renderPdf } from './document-pdf.js';
import { verifyDocument } from './verify-document.js';
import type { UnitOfWork } from '../ports.js';

const text = (s: string | Uint8Array) => (typeof s === 'string' ? new TextEncoder().encode(s) : s);
const failing = (r: { checks: { name: string; ok: boolean }[] }) =>
  r.checks.filter((c) => !c.ok).map((c) => c.name);

/** Puts another payload into a PDF's information dictionary, as a forger would. */
async function withPayload(pdf: Uint8Array, json: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  (info as unknown as { set(k: PDFName, v: PDFHexString): void }).set(
    PDFName.of(pdfPayloadKey),
    PDFHexString.fromText(json),
  );
  return doc.save({ useObjectStreams: false });
}

describe('PDF document', () => {
  it('is the same bytes every time for the same payload, dated at the latest signature', async () => {
    const p = samplePayload();
    const a = await renderPdf(p);
    await new Promise((r) => setTimeout(r, 5));
    const b = await renderPdf(samplePayload());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const doc = await PDFDocument.load(a, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-01-07T14:30:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-01-07T14:30:00.000Z');
    expect(doc.getTitle()).toBe('SLA-0001 version 2: Marketplace for Sales');
  });

  it('carries its payload: read back equal, and re-rendering reproduces the file', async () => {
    const p = samplePayload();
    const pdf = await renderPdf(p);
    const read = await readPdfPayload(pdf);
    if (!read.ok) throw new Error(read.problem);
    expect(read.payload).toEqual(p);
    expect(await pdfReproduces(pdf, read.payload)).toBe(true);
  });

  it('wraps long text onto more pages and shows characters Helvetica lacks as "?"', async () => {
    const notes = 'Scope ≥ 99 % 中文 and a very long clause. '.repeat(400);
    const p = samplePayload({ content: sampleContent({ notes }) });
    const pdf = await renderPdf(p);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    const read = await readPdfPayload(pdf);
    if (!read.ok) throw new Error(read.problem);
    // The payload keeps the exact text.
    expect(read.payload.content.notes).toBe(notes);
  });

  it('catches a changed name drawn over the text while the payload is intact', async () => {
    const p = samplePayload();
    const pdf = await renderPdf(p);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.getPage(0).drawText('Mallory Owner', { x: 216, y: 650, size: 10, font });
    const altered = await doc.save({ useObjectStreams: false });
    const read = await readPdfPayload(altered);
    if (!read.ok) throw new Error(read.problem);
    expect(read.payload).toEqual(p);
    expect(await pdfReproduces(altered, read.payload)).toBe(false);
  });

  it('catches a PDF whose text shows another signer than its embedded payload', async () => {
    const p = samplePayload();
    const forged = documentPayload({
      ...p,
      signatures: p.signatures.map((s) =>
        s.party === 'service_owner' ? { ...s, name: 'Mallory Owner' } : s,
      ),
    });
    // The visible text of the forged payload, with the genuine payload embedded.
    const pdf = await withPayload(await renderPdf(forged), JSON.stringify(p));
    const read = await readPdfPayload(pdf);
    if (!read.ok) throw new Error(read.problem);
    expect(await pdfReproduces(pdf, read.payload)).toBe(false);
  });

  it('catches one flipped byte in the page text', async () => {
    const pdf = await renderPdf(samplePayload());
    const at = Buffer.from(pdf).indexOf('stream\n') + 200;
    const flipped = Uint8Array.from(pdf);
    flipped[at] = flipped[at]! ^ 0x01;
    const read = await readPdfPayload(flipped);
    if (!read.ok) return; // unreadable counts as caught
    expect(await pdfReproduces(flipped, read.payload)).toBe(false);
  });
});

describe.each(dialects)('verifying documents against the database (%s)', (dialect) => {
  let t: TestDatabase;
  let uow: UnitOfWork;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    uow = t.uow;
  });
  afterEach(async () => {
    await t.drop();
  });

  const setup = async () => {
    const env = testEnvironment();
    const w = await documentWorld(uow, env);
    return { env, w };
  };

  it.each(['html', 'md', 'pdf'] as const)(
    'accepts the %s of a signed version as it was exported, with every check passing',
    async (format) => {
      const { w } = await setup();
      const file = await agreementDocument(uow, w.admin, w.code, 1, format);
      expect(file.filename).toBe(`${w.code}-v1.${format}`);
      const result = await verifyDocument(uow, text(file.body));
      expect(failing(result)).toEqual([]);
      expect(result).toMatchObject({
        ok: true,
        format,
        agreementCode: w.code,
        version: 1,
        contentHash: w.hash,
        status: 'pending',
      });
      expect(result.checks.map((c) => c.name)).toEqual([
        'document format',
        'embedded content',
        'content hash',
        'document text',
        'agreement version',
        'stored content hash',
        'signatures',
        'acknowledgements',
      ]);
      const signatures = result.checks.find((c) => c.name === 'signatures')!;
      expect(signatures.detail).toContain(w.owner.name);
      expect(signatures.detail).toContain(w.rep.name);
    },
  );

  it('finds the agreement by id as well as by code, and says when a version does not exist', async () => {
    const { w } = await setup();
    const html = await agreementDocument(uow, w.admin, w.agreementId, 1, 'html');
    expect(String(html.body)).toContain(w.code);
    await expect(agreementDocument(uow, w.admin, w.code, 7, 'pdf')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(agreementDocument(uow, w.admin, 'SLA-9999', 1, 'pdf')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses an HTML document whose visible text was edited after signing', async () => {
    const { w } = await setup();
    const file = await agreementDocument(uow, w.admin, w.code, 1, 'html');
    const edited = String(file.body).replace('EUR 12,345.67', 'EUR 1,234.56');
    const result = await verifyDocument(uow, text(edited));
    expect(result.ok).toBe(false);
    expect(failing(result)).toEqual(['document text']);
    expect(result.checks.find((c) => c.name === 'document text')!.detail).toMatch(
      /altered after signing: its HTML no longer matches the signed content/,
    );
  });

  it('refuses a Markdown document re-rendered from altered content', async () => {
    const { w } = await setup();
    const file = await agreementDocument(uow, w.admin, w.code, 1, 'md');
    const edited = String(file.body).replace('"monthlyCostMinor":1234567', '"monthlyCostMinor":1');
    const result = await verifyDocument(uow, text(edited));
    expect(failing(result)).toEqual(['content hash', 'document text']);
  });

  it('refuses a consistent forgery: other content, its own hash, re-rendered', async () => {
    const { w } = await setup();
    const file = await agreementDocument(uow, w.admin, w.code, 1, 'pdf');
    const read = await readPdfPayload(file.body as Uint8Array);
    if (!read.ok) throw new Error(read.problem);
    const content = { ...read.payload.content, notes: 'No penalties apply.' };
    const hash = contentHash(content);
    const forged = documentPayload({
      ...read.payload,
      content,
      contentHash: hash,
      signatures: read.payload.signatures.map((s) => ({ ...s, contentHash: hash })),
      acknowledgements: read.payload.acknowledgements.map((a) => ({ ...a, contentHash: hash })),
    });
    const result = await verifyDocument(uow, await renderPdf(forged));
    expect(result.ok).toBe(false);
    expect(failing(result)).toEqual(['stored content hash', 'signatures']);
    expect(result.checks.find((c) => c.name === 'stored content hash')!.detail).toMatch(
      /differs from the one Charter stores for version 1/,
    );
  });

  it('refuses a document naming another signer or signing time than Charter records', async () => {
    const { w } = await setup();
    const file = await agreementDocument(uow, w.admin, w.code, 1, 'html');
    const read = readTextPayload(String(file.body), 'html');
    if (!read.ok) throw new Error(read.problem);
    const renamed = documentPayload({
      ...read.payload,
      signatures: read.payload.signatures.map((s) =>
        s.party === 'service_owner' ? { ...s, name: 'Mallory Owner' } : s,
      ),
    });
    const r1 = await verifyDocument(uow, text(renderHtml(renamed)));
    expect(failing(r1)).toEqual(['signatures']);
    expect(r1.checks.find((c) => c.name === 'signatures')!.detail).toMatch(
      /names Mallory Owner as the signer for the service owner, Charter records Omar Owner/,
    );
    const redated = documentPayload({
      ...read.payload,
      signatures: read.payload.signatures.map((s) =>
        s.party === 'customer_representative'
          ? { ...s, signedAt: '2025-12-24T10:00:00.000Z' as Instant }
          : s,
      ),
    });
    const r2 = await verifyDocument(uow, text(renderHtml(redated)));
    expect(failing(r2)).toEqual(['signatures']);
  });

  it('accepts a document made before the later signature, saying so', async () => {
    const { w } = await setup();
    const file = await agreementDocument(uow, w.admin, w.code, 1, 'html');
    const read = readTextPayload(String(file.body), 'html');
    if (!read.ok) throw new Error(read.problem);
    const earlier = documentPayload({
      ...read.payload,
      signatures: read.payload.signatures.filter((s) => s.party === 'service_owner'),
      acknowledgements: [],
    });
    const result = await verifyDocument(uow, text(renderHtml(earlier)));
    expect(result.ok).toBe(true);
    expect(result.checks.find((c) => c.name === 'signatures')!.detail).toMatch(
      /signed since the document was made by the customer representative/,
    );
  });

  it('refuses documents from elsewhere, files that are no document, and empty files', async () => {
    await setup();
    const foreign = await verifyDocument(uow, await renderPdf(samplePayload()));
    expect(failing(foreign)).toEqual(['agreement version']);
    expect(foreign.checks.at(-1)!.detail).toMatch(
      /SLA-0001 in Charter is another agreement than the one in the document/,
    );
    const notes = await verifyDocument(uow, text('# Meeting notes\n'));
    expect(notes).toMatchObject({ ok: false, format: null, agreementCode: null });
    expect(notes.checks[0]!.detail).toMatch(/not a Charter agreement document/);
    const empty = await verifyDocument(uow, new Uint8Array());
    expect(empty.checks[0]!.detail).toBe('the file is empty');
    const broken = await verifyDocument(uow, text('%PDF-1.7\nnot really'));
    expect(failing(broken)).toEqual(['embedded content']);
  });
});
