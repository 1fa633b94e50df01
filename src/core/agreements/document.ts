/**
 * The agreement document: one version of an agreement as people read it (HTML, Markdown; the PDF
 * is drawn from the same blocks in src/app/agreements/document-pdf.ts), with the signatures
 * block and the exact signed content embedded as canonical JSON. Rendering is deterministic:
 * the same payload always gives the same bytes, so a document can be verified by re-rendering
 * its embedded payload and comparing — any edit of the visible text or of the payload shows.
 */
import type { Instant } from '../ids.js';
import {
  canonicalJson,
  contentHash as hashContent,
  type AgreementContent,
  type MoneyBand,
} from './content.js';
import type { SigningParty, VersionStatus } from './records.js';
import { durationLabel, termKeys, termLabel, type TermKey } from './terms.js';

export const documentSchema = 'charter.agreement-document/1';
export const documentFormats = ['html', 'md', 'pdf'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export interface DocumentSignature {
  party: SigningParty;
  personId: string;
  name: string;
  signedAt: Instant;
  contentHash: string;
}

export interface DocumentAcknowledgement {
  olaKey: string;
  teamName: string;
  personId: string;
  name: string;
  acknowledgedAt: Instant;
  contentHash: string;
}

/** Everything a document shows, embedded in it so that it can be verified. */
export interface AgreementDocumentPayload {
  schema: typeof documentSchema;
  agreementId: string;
  /** The version number (1, 2 …). */
  number: number;
  status: VersionStatus;
  /** When the version was drawn up. */
  createdAt: Instant;
  content: AgreementContent;
  contentHash: string;
  /** Service owner first, then the customer representative. */
  signatures: DocumentSignature[];
  /** By OLA key. */
  acknowledgements: DocumentAcknowledgement[];
}

const partyOrder: readonly SigningParty[] = ['service_owner', 'customer_representative'];

/** The payload with signatures and acknowledgements in their document order. */
export function documentPayload(
  input: Omit<AgreementDocumentPayload, 'schema'>,
): AgreementDocumentPayload {
  return {
    schema: documentSchema,
    agreementId: input.agreementId,
    number: input.number,
    status: input.status,
    createdAt: input.createdAt,
    content: input.content,
    contentHash: input.contentHash,
    signatures: [...input.signatures].sort(
      (a, b) =>
        partyOrder.indexOf(a.party) - partyOrder.indexOf(b.party) ||
        a.signedAt.localeCompare(b.signedAt),
    ),
    acknowledgements: [...input.acknowledgements].sort(
      (a, b) => compareText(a.olaKey, b.olaKey) || a.acknowledgedAt.localeCompare(b.acknowledgedAt),
    ),
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The time the document stands for: the latest signature, or when the version was drawn up. */
export function documentDate(payload: AgreementDocumentPayload): Instant {
  let latest = payload.createdAt;
  for (const s of payload.signatures) if (s.signedAt > latest) latest = s.signedAt;
  return latest;
}

/** `SLA-0001-v2.pdf` */
export function documentFilename(
  payload: Pick<AgreementDocumentPayload, 'content' | 'number'>,
  format: DocumentFormat,
): string {
  const code = payload.content.code.replace(/[^A-Za-z0-9-]/g, '_');
  return `${code}-v${payload.number}.${format}`;
}

// ---------------------------------------------------------------------------------------------
// Formatting (no locale or ICU data: the text must not change between machines or versions)

const currencyDecimals: Record<string, number> = {
  BHD: 3,
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  PYG: 0,
  RWF: 0,
  TND: 3,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "EUR 1,200.00": minor units in the currency's usual decimals. */
export function documentMoney(currency: string, amountMinor: number): string {
  const decimals = currencyDecimals[currency] ?? 2;
  const negative = amountMinor < 0;
  const abs = String(Math.abs(Math.round(amountMinor))).padStart(decimals + 1, '0');
  const whole = abs.slice(0, abs.length - decimals);
  const fraction = decimals > 0 ? `.${abs.slice(abs.length - decimals)}` : '';
  return `${negative ? '-' : ''}${currency} ${grouped(whole)}${fraction}`;
}

/** "2026-03-01 10:15:00 UTC" */
export function documentTime(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(at);
  return m ? `${m[1]} ${m[2]} UTC` : at;
}

const partyLabels: Record<SigningParty, string> = {
  service_owner: 'Service owner',
  customer_representative: 'Customer representative',
};

const statusLabels: Record<VersionStatus, string> = {
  pending: 'pending signatures and acknowledgements',
  active: 'active',
  superseded: 'superseded by a later version',
  withdrawn: 'withdrawn',
};

const bandLabel = (currency: string, band: MoneyBand) =>
  band.kind === 'none'
    ? 'No reward or penalty'
    : `${band.kind === 'reward' ? 'Reward' : 'Penalty'} ${documentMoney(currency, band.amountMinor)}`;

// ---------------------------------------------------------------------------------------------
// The document as blocks, shared by the HTML, Markdown and PDF renderers

export type DocumentBlock =
  | { kind: 'title'; text: string; subtitle: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: [string, string][] }
  | { kind: 'table'; head: string[]; rows: string[][]; widths: number[] };

/** The sections of the document, in order. */
export function documentBlocks(payload: AgreementDocumentPayload): DocumentBlock[] {
  const c = payload.content;
  const blocks: DocumentBlock[] = [];
  const heading = (text: string) => blocks.push({ kind: 'heading', text });
  const paragraph = (text: string) => blocks.push({ kind: 'paragraph', text });

  blocks.push({
    kind: 'title',
    text: `${c.code} ${c.title}`,
    subtitle: `Service level agreement, version ${payload.number} (${statusLabels[payload.status]})`,
  });
  blocks.push({
    kind: 'fields',
    rows: [
      ['Agreement', c.code],
      ['Version', String(payload.number)],
      ['Drawn up', documentTime(payload.createdAt)],
      ['Content hash', payload.contentHash],
    ],
  });

  heading('Parties');
  blocks.push({
    kind: 'fields',
    rows: [
      ['Service owner', `${c.serviceOwner.name}, for the service ${c.service.name}`],
      ['Customer representative', `${c.customerRepresentative.name}, for ${c.customer.name}`],
    ],
  });

  heading('Service and customer');
  blocks.push({
    kind: 'fields',
    rows: [
      ['Service', `${c.service.name} (${c.service.slug})`],
      ['Customer', c.customer.name],
    ],
  });

  heading('Service hours');
  paragraph(
    `Service hours follow the calendar "${c.calendarName}": availability is measured within these hours and ticket clocks run on them.`,
  );

  heading('Targets');
  const keys = termKeys(c.terms);
  const underpinning = (key: TermKey) => {
    const olas = c.olas.filter((o) => o.underpins.includes(key)).map((o) => o.key);
    return olas.length ? olas.join(', ') : 'none';
  };
  if (keys.length === 0) paragraph('No targets.');
  else
    blocks.push({
      kind: 'table',
      head: ['Target', 'Commitment', 'Underpinned by'],
      rows: keys.map((k) => [k, termLabel(c.terms, k), underpinning(k)]),
      widths: [0.18, 0.6, 0.22],
    });

  heading('Operational level agreements');
  if (c.olas.length === 0) paragraph('No operational level agreements underpin this agreement.');
  else {
    blocks.push({
      kind: 'table',
      head: ['OLA', 'Team', 'Internal target', 'Underpins', 'Acknowledged by'],
      rows: c.olas.map((o) => {
        const acks = payload.acknowledgements.filter((a) => a.olaKey === o.key);
        return [
          o.key,
          o.teamName,
          `${o.description} (${o.priority} ${o.metric} within ${durationLabel(o.duration)})`,
          o.underpins.length ? o.underpins.join(', ') : 'none',
          acks.length
            ? acks.map((a) => `${a.name}, ${documentTime(a.acknowledgedAt)}`).join('; ')
            : 'not acknowledged yet',
        ];
      }),
      widths: [0.15, 0.15, 0.33, 0.14, 0.23],
    });
  }

  heading('Money');
  const m = c.money;
  blocks.push({
    kind: 'fields',
    rows: [
      ['Monthly cost', documentMoney(m.currency, m.monthlyCostMinor)],
      [
        'Cost per missed target',
        `${documentMoney(m.currency, m.costPerMissedTargetMinor)} per review period`,
      ],
    ],
  });
  if (m.bands.length === 0) paragraph('No reward or penalty bands.');
  else
    blocks.push({
      kind: 'table',
      head: ['Compliance at least', 'Band'],
      rows: [...m.bands]
        .sort((a, b) => b.minCompliancePercent - a.minCompliancePercent)
        .map((b) => [`${b.minCompliancePercent} %`, bandLabel(m.currency, b)]),
      widths: [0.3, 0.7],
    });

  heading('Review period');
  paragraph(
    c.reviewPeriod === 'quarter'
      ? 'Attainment, bands and the cost of missed targets are judged per calendar quarter.'
      : 'Attainment, bands and the cost of missed targets are judged per calendar month.',
  );

  heading('Dates');
  blocks.push({
    kind: 'fields',
    rows: [
      ['Effective from', c.effectiveFrom],
      ['Expires on', c.expiresOn],
    ],
  });

  heading('Notes');
  const notes = c.notes.trim();
  if (!notes) paragraph('None.');
  else for (const p of notes.split(/\n\s*\n/)) paragraph(p.replace(/\s*\n\s*/g, ' ').trim());

  heading('Signatures');
  blocks.push({
    kind: 'table',
    head: ['Party', 'Name', 'Signed at', 'Content hash signed'],
    rows: partyOrder.map((party) => {
      const s = payload.signatures.find((x) => x.party === party);
      return s
        ? [partyLabels[party], s.name, documentTime(s.signedAt), s.contentHash]
        : [partyLabels[party], 'not signed yet', '', ''];
    }),
    widths: [0.2, 0.2, 0.2, 0.4],
  });
  paragraph(
    `The content hash is the SHA-256 of the agreement content in canonical JSON, embedded in this document: ${payload.contentHash}. Verify this document in Charter (Agreements, Verify a document) or with "charter sla verify FILE".`,
  );
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Embedding the payload

/** Canonical JSON with <, >, & and line separators escaped, safe inside HTML and comments. */
export function embeddedPayloadJson(payload: AgreementDocumentPayload): string {
  return canonicalJson(payload)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const mdMarker = '<!-- charter-agreement ';

// ---------------------------------------------------------------------------------------------
// HTML

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const css = `
body{font-family:Helvetica,Arial,sans-serif;color:#1b1f24;max-width:52rem;margin:2rem auto;padding:0 1.5rem;line-height:1.45;font-size:15px}
h1{font-size:1.6rem;margin:0 0 .25rem}
.subtitle{color:#555;margin:0 0 1.25rem}
h2{font-size:1.15rem;border-bottom:1px solid #ccd;padding-bottom:.2rem;margin:1.75rem 0 .6rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{border:1px solid #ccd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f6}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.4rem 0}
dt{font-weight:bold}
dd{margin:0}
code,.hash{font-family:Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}table,dl{break-inside:avoid}}
`.trim();

const hashLike = (s: string) => /^sha256:[0-9a-f]{64}$/.test(s);
const htmlCell = (s: string) =>
  hashLike(s) ? `<span class="hash">${escapeHtml(s)}</span>` : escapeHtml(s);

/** The agreement version as a clean, printable, self-contained HTML page. */
export function renderHtml(payload: AgreementDocumentPayload): string {
  const out: string[] = [];
  const c = payload.content;
  out.push('<!DOCTYPE html>');
  out.push('<html lang="en">');
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push('<meta name="generator" content="Charter">');
  out.push(`<title>${escapeHtml(`${c.code} v${payload.number}: ${c.title}`)}</title>`);
  out.push(`<style>${css}</style>`);
  out.push(
    `<script type="application/json" id="charter-agreement">${embeddedPayloadJson(payload)}</script>`,
  );
  out.push('</head>');
  out.push('<body>');
  out.push('<main>');
  for (const b of documentBlocks(payload)) {
    switch (b.kind) {
      case 'title':
        out.push(`<h1>${escapeHtml(b.text)}</h1>`);
        out.push(`<p class="subtitle">${escapeHtml(b.subtitle)}</p>`);
        break;
      case 'heading':
        out.push(`<h2>${escapeHtml(b.text)}</h2>`);
        break;
      case 'paragraph':
        out.push(`<p>${escapeHtml(b.text)}</p>`);
        break;
      case 'fields':
        out.push('<dl>');
        for (const [k, v] of b.rows) out.push(`<dt>${escapeHtml(k)}</dt><dd>${htmlCell(v)}</dd>`);
        out.push('</dl>');
        break;
      case 'table':
        out.push('<table>');
        out.push(
          `<thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        );
        out.push('<tbody>');
        for (const r of b.rows)
          out.push(`<tr>${r.map((v) => `<td>${htmlCell(v)}</td>`).join('')}</tr>`);
        out.push('</tbody>');
        out.push('</table>');
        break;
    }
  }
  out.push('</main>');
  out.push('</body>');
  out.push('</html>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Text that Markdown shows as written (no emphasis, links, HTML or headings). */
const escapeMd = (s: string) =>
  s
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
const mdCell = (s: string) => (hashLike(s) ? `\`${s}\`` : escapeMd(s.replace(/\s+/g, ' ')));

/** The agreement version as Markdown, the payload in a trailing HTML comment. */
export function renderMarkdown(payload: AgreementDocumentPayload): string {
  const out: string[] = [];
  for (const b of documentBlocks(payload)) {
    switch (b.kind) {
      case 'title':
        out.push(`# ${escapeMd(b.text)}`, '', `*${escapeMd(b.subtitle)}*`, '');
        break;
      case 'heading':
        out.push(`## ${escapeMd(b.text)}`, '');
        break;
      case 'paragraph':
        out.push(escapeMd(b.text), '');
        break;
      case 'fields':
        for (const [k, v] of b.rows) out.push(`- **${escapeMd(k)}:** ${mdCell(v)}`);
        out.push('');
        break;
      case 'table':
        out.push(`| ${b.head.map(mdCell).join(' | ')} |`);
        out.push(`|${b.head.map(() => ' --- ').join('|')}|`);
        for (const r of b.rows) out.push(`| ${r.map((v) => (v ? mdCell(v) : ' ')).join(' | ')} |`);
        out.push('');
        break;
    }
  }
  out.push(`${mdMarker}${embeddedPayloadJson(payload)} -->`);
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading a document back

/** PDF, HTML or Markdown, from the first bytes; null when it is none of Charter's documents. */
export function detectDocumentFormat(bytes: Uint8Array): DocumentFormat | null {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (/^\s*<!DOCTYPE html/i.test(head) || /^\s*<html/i.test(head)) return 'html';
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes(mdMarker)) return 'md';
  return null;
}

export type PayloadReading =
  { ok: true; payload: AgreementDocumentPayload; json: string } | { ok: false; problem: string };

/** The embedded payload of an HTML or Markdown document. */
export function readTextPayload(text: string, format: 'html' | 'md'): PayloadReading {
  let json: string | undefined;
  if (format === 'html') {
    const matches = [
      ...text.matchAll(
        /<script type="application\/json" id="charter-agreement">([^<]*)<\/script>/g,
      ),
    ];
    if (matches.length > 1)
      return { ok: false, problem: 'it carries more than one embedded agreement; it was altered' };
    json = matches[0]?.[1];
  } else {
    const at = text.lastIndexOf(mdMarker);
    if (at >= 0) {
      const end = text.indexOf(' -->', at);
      if (end > at) json = text.slice(at + mdMarker.length, end);
    }
  }
  if (json === undefined)
    return {
      ok: false,
      problem:
        'it carries no embedded agreement content: it is not a Charter agreement document or the embedded content was removed',
    };
  return parsePayloadJson(json);
}

/** Parses and checks the shape of an embedded payload (the rendering checks the rest). */
export function parsePayloadJson(json: string): PayloadReading {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {
      ok: false,
      problem: 'its embedded agreement content is not valid JSON: it was altered',
    };
  }
  const problem = payloadShapeProblem(value);
  if (problem) return { ok: false, problem: `its embedded agreement content ${problem}` };
  return { ok: true, payload: value as AgreementDocumentPayload, json };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function payloadShapeProblem(v: unknown): string | null {
  if (!isObject(v)) return 'is not an object';
  if (v.schema !== documentSchema)
    return `has schema ${JSON.stringify(v.schema)}, expected ${documentSchema}`;
  if (typeof v.agreementId !== 'string') return 'lacks the agreement id';
  if (typeof v.number !== 'number' || !Number.isInteger(v.number))
    return 'lacks the version number';
  if (typeof v.status !== 'string') return 'lacks the version status';
  if (typeof v.createdAt !== 'string') return 'lacks the version date';
  if (!isObject(v.content) || typeof v.content.code !== 'string')
    return 'lacks the agreement content';
  if (typeof v.contentHash !== 'string') return 'lacks the content hash';
  if (!Array.isArray(v.signatures) || !v.signatures.every(isObject)) return 'lacks the signatures';
  if (!Array.isArray(v.acknowledgements) || !v.acknowledgements.every(isObject))
    return 'lacks the acknowledgements';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Checks on the document itself (the database checks are in the app)

export interface DocumentCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** (a) The embedded content hashes to the hash the document claims, and each signature's. */
export function contentHashCheck(payload: AgreementDocumentPayload): DocumentCheck {
  let actual: string;
  try {
    actual = hashContent(payload.content);
  } catch {
    actual = '';
  }
  if (actual !== payload.contentHash)
    return {
      name: 'content hash',
      ok: false,
      detail: `the embedded content does not hash to the content hash the document shows (${payload.contentHash}): the content was altered after signing`,
    };
  const off = payload.signatures.filter((s) => s.contentHash !== payload.contentHash);
  if (off.length > 0)
    return {
      name: 'content hash',
      ok: false,
      detail: `the signature of ${off.map((s) => partyLabels[s.party] ?? s.party).join(' and ')} is for other content (${off[0]!.contentHash}) than this document's (${payload.contentHash})`,
    };
  return {
    name: 'content hash',
    ok: true,
    detail: `the embedded content hashes to ${actual}${payload.signatures.length ? ', the hash every signature records' : ''}`,
  };
}

/** (b) Re-rendering the payload gives exactly the document. */
export function renderingCheck(reproduced: boolean, format: DocumentFormat): DocumentCheck {
  return reproduced
    ? {
        name: 'document text',
        ok: true,
        detail: `re-rendering the embedded content gives this ${formatLabel(format)} byte for byte`,
      }
    : {
        name: 'document text',
        ok: false,
        detail: `the document was altered after signing: its ${formatLabel(format)} no longer matches the signed content (re-rendering the embedded content gives a different file)`,
      };
}

export const formatLabel = (format: DocumentFormat) =>
  format === 'pdf' ? 'PDF' : format === 'html' ? 'HTML' : 'Markdown';

/** Re-renders an HTML or Markdown payload and compares (line endings normalised). */
export function textReproduces(
  text: string,
  payload: AgreementDocumentPayload,
  format: 'html' | 'md',
): boolean {
  let expected: string;
  try {
    expected = format === 'html' ? renderHtml(payload) : renderMarkdown(payload);
  } catch {
    return false;
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') === expected;
}
