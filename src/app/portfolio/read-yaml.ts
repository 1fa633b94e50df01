/**
 * Reads a multi-document YAML stream defensively: a size cap, a document cap, and an alias
 * budget per document (an alias/anchor "billion laughs" bomb is refused, not expanded).
 * Each document comes back with its first line, its value, or why it could not be read.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { invalid } from '../../core/errors.js';

export const maxYamlBytes = 5 * 1024 * 1024;
export const maxYamlDocuments = 10_000;
/** Aliases a document may expand; real catalogues use a handful. */
export const maxAliases = 100;

export interface YamlDocument {
  line: number;
  value: unknown;
  /** Why the document could not be read; value is null then. */
  error: string | null;
}

export function readYamlStream(text: string): YamlDocument[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxYamlBytes)
    throw invalid(
      'file',
      `is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${maxYamlBytes / 1024 / 1024} MB — split it into several files`,
    );
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  if (docs.length > maxYamlDocuments)
    throw invalid(
      'file',
      `has ${docs.length} documents; the limit is ${maxYamlDocuments} — split it into several files`,
    );
  const out: YamlDocument[] = [];
  for (const doc of docs) {
    const start = doc.contents?.range[0] ?? doc.range[0];
    const line = lineCounter.linePos(start).line;
    const problem = doc.errors[0];
    if (problem) {
      const at = problem.linePos?.[0];
      out.push({
        line: at?.line ?? line,
        value: null,
        error: `not valid YAML: ${problem.message.split('\n')[0]}`,
      });
      continue;
    }
    if (doc.contents === null) continue; // an empty document (e.g. a trailing ---)
    try {
      out.push({ line, value: doc.toJS({ maxAliasCount: maxAliases }), error: null });
    } catch (error) {
      const message = (error as Error).message;
      out.push({
        line,
        value: null,
        error: /alias/i.test(message)
          ? `refused: the document expands too many aliases (more than ${maxAliases}), as an alias bomb would`
          : `cannot be read: ${message}`,
      });
    }
  }
  return out;
}

/** `{kind: ...}` objects only; anything else is named in the error. */
export function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
