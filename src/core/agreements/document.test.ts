import { describe, expect, it } from 'vitest';
import { samplePayload, sampleContent } from '../../../test/agreement-documents.js';
import { canonicalJson, contentHash } from './content.js';
import {
  contentHashCheck,
  detectDocumentFormat,
  documentDate,
  documentFilename,
  documentMoney,
  readTextPayload,
  renderHtml,
  renderMarkdown,
  textReproduces,
} from './document.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe.each([
  ['html', renderHtml],
  ['md', renderMarkdown],
] as const)('%s document', (format, render) => {
  it('renders the same bytes for the same payload, whatever the order of keys and records', () => {
    const p = samplePayload();
    const shuffled = JSON.parse(canonicalJson(p)) as typeof p;
    shuffled.signatures.reverse();
    const again = samplePayload({ signatures: shuffled.signatures });
    expect(render(again)).toBe(render(p));
  });

  it('embeds the payload so that it reads back equal and reproduces the file', () => {
    const p = samplePayload();
    const text = render(p);
    expect(detectDocumentFormat(bytes(text))).toBe(format);
    const read = readTextPayload(text, format);
    if (!read.ok) throw new Error(read.problem);
    expect(read.payload).toEqual(p);
    expect(contentHashCheck(read.payload).ok).toBe(true);
    expect(textReproduces(text, read.payload, format)).toBe(true);
    // Line endings changed by a mail client or editor do not matter.
    expect(textReproduces(text.replace(/\n/g, '\r\n'), read.payload, format)).toBe(true);
  });

  it('shows every section: parties, hours, targets, OLAs with acknowledgements, money, dates, signatures', () => {
    const text = render(samplePayload());
    for (const s of [
      'Olga Owner',
      'Carl Customer',
      'Office hours',
      'P1 resolution within 8 business hours for 95 % of tickets',
      'P3 resolution within 3 working days (end of day) for 85 % of tickets',
      'Availability 99.5 %',
      'Nina Network, 2026-01-08 08:00:00 UTC',
      'not acknowledged yet',
      'EUR 12,345.67',
      'EUR 100.00 per review period',
      'Reward EUR 250.00',
      'Penalty EUR 500.00',
      'per calendar quarter',
      '2026-12-31',
      '2026-01-06 10:15:00 UTC',
      samplePayload().contentHash,
    ])
      expect(text).toContain(s);
  });

  it('catches an edit of the visible text even when the embedded content is intact', () => {
    const p = samplePayload();
    const text = render(p).replace('Penalty EUR 500.00', 'Penalty EUR 5.00');
    const read = readTextPayload(text, format);
    if (!read.ok) throw new Error(read.problem);
    expect(contentHashCheck(read.payload).ok).toBe(true);
    expect(textReproduces(text, read.payload, format)).toBe(false);
  });

  it('catches an edit of the embedded content: it no longer hashes to the signed hash', () => {
    const p = samplePayload();
    const text = render(p).replace('"monthlyCostMinor":1234567', '"monthlyCostMinor":1000');
    const read = readTextPayload(text, format);
    if (!read.ok) throw new Error(read.problem);
    const check = contentHashCheck(read.payload);
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/altered after signing/);
  });

  it('catches a consistent re-render of altered content: the hash no longer matches', () => {
    const altered = samplePayload();
    altered.content = { ...altered.content, notes: 'No exclusions at all.' };
    const text = render(altered);
    const read = readTextPayload(text, format);
    if (!read.ok) throw new Error(read.problem);
    expect(textReproduces(text, read.payload, format)).toBe(true);
    expect(contentHashCheck(read.payload).ok).toBe(false);
  });

  it('says when the embedded content was removed', () => {
    const text = render(samplePayload()).replace(/charter-agreement/g, 'something-else');
    const read = readTextPayload(text, format);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(/no embedded agreement content/);
  });
});

describe('document details', () => {
  it('names the file after the code and version', () => {
    expect(documentFilename(samplePayload(), 'pdf')).toBe('SLA-0001-v2.pdf');
  });

  it('dates the document at the latest signature, or when drawn up', () => {
    expect(documentDate(samplePayload())).toBe('2026-01-07T14:30:00.000Z');
    expect(documentDate(samplePayload({ signatures: [] }))).toBe('2026-01-05T09:00:00.000Z');
  });

  it('formats money in the currency decimals without locale data', () => {
    expect(documentMoney('EUR', 123_456_789)).toBe('EUR 1,234,567.89');
    expect(documentMoney('EUR', 5)).toBe('EUR 0.05');
    expect(documentMoney('JPY', 1_200_000)).toBe('JPY 1,200,000');
    expect(documentMoney('KWD', 1_234)).toBe('KWD 1.234');
  });

  it('flags a signature recorded for other content', () => {
    const p = samplePayload();
    p.signatures[1] = {
      ...p.signatures[1]!,
      contentHash: contentHash(sampleContent({ notes: 'x' })),
    };
    const check = contentHashCheck(p);
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/Customer representative is for other content/);
  });

  it('does not take text that is not a Charter document for one', () => {
    expect(detectDocumentFormat(bytes('# Just notes\n'))).toBeNull();
    expect(detectDocumentFormat(bytes('%PDF-1.7\n'))).toBe('pdf');
  });

  it('escapes what people write so that it cannot break out of the page', () => {
    const html = renderHtml(
      samplePayload({ content: sampleContent({ title: '</script><script>alert(1)</script>' }) }),
    );
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});
