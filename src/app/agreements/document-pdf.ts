/**
 * The agreement document as a PDF, drawn from the same blocks as the HTML and Markdown
 * (src/core/agreements/document.ts) with the standard Helvetica fonts, text wrapping and page
 * breaks. The output is deterministic — fixed dates (the latest signature, or when the version
 * was drawn up), no random ids — so the PDF can be re-rendered from its embedded payload (the
 * /CharterAgreement entry of the document information dictionary) and compared byte for byte.
 */
import {
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  StandardFonts,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import {
  documentBlocks,
  documentDate,
  embeddedPayloadJson,
  parsePayloadJson,
  type AgreementDocumentPayload,
  type PayloadReading,
} from '../../core/agreements/document.js';

/** The key of the embedded payload in the document information dictionary. */
export const pdfPayloadKey = 'CharterAgreement';

const pageSize: [number, number] = [595.28, 841.89]; // A4
const margin = 50;
const bottom = 60;
const width = pageSize[0] - 2 * margin;
const ink = rgb(0.106, 0.122, 0.141);
const grey = rgb(0.35, 0.35, 0.4);
const rule = rgb(0.8, 0.8, 0.87);
const shade = rgb(0.945, 0.953, 0.965);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

/** Characters Helvetica (WinAnsi) cannot show become "?" so that drawing never fails. */
function printable(font: PDFFont, memo: Map<string, boolean>, text: string): string {
  let out = '';
  for (const ch of text.replace(/[\t\r\n\u2028\u2029]/g, ' ')) {
    let ok = memo.get(ch);
    if (ok === undefined) {
      try {
        font.widthOfTextAtSize(ch, 10);
        ok = true;
      } catch {
        ok = false;
      }
      memo.set(ch, ok);
    }
    out += ok ? ch : '?';
  }
  return out;
}

/** Lines of at most `max` points: breaks at spaces, and inside words longer than a line. */
function wrap(font: PDFFont, size: number, text: string, max: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= max;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (rest && !fits(rest)) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n))) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

const hashLike = (s: string) => /^sha256:[0-9a-f]{64}$/.test(s);

class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  private readonly memo = new Map<string, boolean>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage(pageSize);
    this.pages.push(this.page);
    this.y = pageSize[1] - margin;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.y - height < bottom) this.newPage();
  }

  space(points: number) {
    this.y -= points;
  }

  clean(text: string) {
    return printable(this.fonts.regular, this.memo, text);
  }

  text(
    text: string,
    options: {
      font?: PDFFont;
      size?: number;
      color?: ReturnType<typeof rgb>;
      x?: number;
      max?: number;
    },
  ) {
    const font = options.font ?? this.fonts.regular;
    const size = options.size ?? 10;
    const leading = size * 1.3;
    const x = options.x ?? margin;
    for (const line of wrap(font, size, this.clean(text), options.max ?? width)) {
      this.ensure(leading);
      this.y -= leading;
      this.page.drawText(line, {
        x,
        y: this.y + size * 0.25,
        size,
        font,
        color: options.color ?? ink,
      });
    }
  }

  heading(text: string) {
    this.ensure(40);
    this.space(14);
    this.text(text, { font: this.fonts.bold, size: 13 });
    this.space(3);
    this.page.drawLine({
      start: { x: margin, y: this.y },
      end: { x: margin + width, y: this.y },
      thickness: 0.6,
      color: rule,
    });
    this.space(5);
  }

  fields(rows: [string, string][]) {
    const labelWidth = 150;
    for (const [label, value] of rows) {
      const font = hashLike(value) ? this.fonts.mono : this.fonts.regular;
      const size = hashLike(value) ? 8.5 : 10;
      const lines = wrap(font, size, this.clean(value), width - labelWidth);
      const leading = 13;
      this.ensure(lines.length * leading + 2);
      this.page.drawText(this.clean(label), {
        x: margin,
        y: this.y - leading + 2.5,
        size: 10,
        font: this.fonts.bold,
        color: ink,
      });
      lines.forEach((line, i) =>
        this.page.drawText(line, {
          x: margin + labelWidth,
          y: this.y - leading * (i + 1) + 2.5,
          size,
          font,
          color: ink,
        }),
      );
      this.y -= lines.length * leading + 2;
    }
  }

  table(head: string[], rows: string[][], widths: number[]) {
    const size = 9;
    const leading = 11.5;
    const pad = 4;
    const columns = widths.map((w) => w * width);
    const cellLines = (cells: string[], header: boolean) =>
      cells.map((cell, i) => {
        const font = header
          ? this.fonts.bold
          : hashLike(cell)
            ? this.fonts.mono
            : this.fonts.regular;
        return {
          font,
          size: hashLike(cell) ? 7.5 : size,
          lines: wrap(font, hashLike(cell) ? 7.5 : size, this.clean(cell), columns[i]! - 2 * pad),
        };
      });
    const rowHeight = (laid: ReturnType<typeof cellLines>) =>
      Math.max(...laid.map((c) => c.lines.length)) * leading + 2 * pad;
    const drawRow = (cells: string[], header: boolean) => {
      const laid = cellLines(cells, header);
      const height = rowHeight(laid);
      if (this.y - height < bottom) {
        this.newPage();
        if (!header) drawRow(head, true);
      }
      const top = this.y;
      if (header)
        this.page.drawRectangle({
          x: margin,
          y: top - height,
          width,
          height,
          color: shade,
        });
      let x = margin;
      laid.forEach((cell, i) => {
        cell.lines.forEach((line, j) =>
          this.page.drawText(line, {
            x: x + pad,
            y: top - pad - leading * (j + 1) + 3,
            size: cell.size,
            font: cell.font,
            color: ink,
          }),
        );
        this.page.drawRectangle({
          x,
          y: top - height,
          width: columns[i]!,
          height,
          borderColor: rule,
          borderWidth: 0.6,
        });
        x += columns[i]!;
      });
      this.y -= height;
    };
    this.space(4);
    // Keep the header with the first row.
    this.ensure(
      rowHeight(cellLines(head, true)) + (rows[0] ? rowHeight(cellLines(rows[0], false)) : 0),
    );
    drawRow(head, true);
    for (const r of rows) drawRow(r, false);
    this.space(8);
  }

  footers(label: string) {
    const n = this.pages.length;
    this.pages.forEach((page, i) => {
      const text = this.clean(`${label}  ·  page ${i + 1} of ${n}`);
      page.drawText(text, {
        x: margin,
        y: 32,
        size: 7.5,
        font: this.fonts.regular,
        color: grey,
      });
    });
  }
}

/** The PDF of an agreement version; the same payload always gives the same bytes. */
export async function renderPdf(payload: AgreementDocumentPayload): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const c = payload.content;
  const at = new Date(documentDate(payload));
  doc.setTitle(`${c.code} version ${payload.number}: ${c.title}`);
  doc.setSubject(`Service level agreement for ${c.service.name} and ${c.customer.name}`);
  doc.setAuthor('Charter');
  doc.setCreator('Charter');
  doc.setProducer('Charter (pdf-lib)');
  doc.setKeywords([c.code, `version ${payload.number}`, payload.contentHash]);
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  infoDict(doc).set(PDFName.of(pdfPayloadKey), PDFHexString.fromText(embeddedPayloadJson(payload)));

  const layout = new Layout(doc, fonts);
  for (const b of documentBlocks(payload)) {
    switch (b.kind) {
      case 'title':
        layout.text(b.text, { font: fonts.bold, size: 18 });
        layout.space(2);
        layout.text(b.subtitle, { size: 11, color: grey });
        layout.space(8);
        break;
      case 'heading':
        layout.heading(b.text);
        break;
      case 'paragraph':
        layout.text(b.text, {});
        layout.space(4);
        break;
      case 'fields':
        layout.fields(b.rows);
        break;
      case 'table':
        layout.table(b.head, b.rows, b.widths);
        break;
    }
  }
  layout.footers(`${c.code} version ${payload.number}  ·  ${payload.contentHash}`);
  return doc.save({ useObjectStreams: false });
}

function infoDict(doc: PDFDocument): PDFDict {
  const ref = doc.context.trailerInfo.Info;
  const dict = ref ? doc.context.lookupMaybe(ref, PDFDict) : undefined;
  if (!dict) throw new Error('the PDF has no document information dictionary');
  return dict;
}

/** The payload embedded in a PDF, or what is wrong with it. */
export async function readPdfPayload(bytes: Uint8Array): Promise<PayloadReading> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    return {
      ok: false,
      problem: `it is not a readable PDF (${(e as Error).message}): it was damaged or altered`,
    };
  }
  let value: unknown;
  try {
    value = infoDict(doc).get(PDFName.of(pdfPayloadKey));
  } catch {
    value = undefined;
  }
  if (!(value instanceof PDFHexString) && !(value instanceof PDFString))
    return {
      ok: false,
      problem:
        'it carries no embedded agreement content: it is not a Charter agreement document or the embedded content was removed',
    };
  return parsePayloadJson(value.decodeText());
}

/** Re-renders the payload and compares the bytes. */
export async function pdfReproduces(
  bytes: Uint8Array,
  payload: AgreementDocumentPayload,
): Promise<boolean> {
  let expected: Uint8Array;
  try {
    expected = await renderPdf(payload);
  } catch {
    return false;
  }
  return Buffer.compare(Buffer.from(expected), Buffer.from(bytes)) === 0;
}
