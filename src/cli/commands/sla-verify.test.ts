import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementDocument } from '../../app/agreements/agreement-document.js';
import type { DocumentVerification } from '../../contract/agreement-documents.js';
import { documentWorld } from '../../../test/agreement-documents.js';
import { charterAsync } from '../../../test/cli.js';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { testEnvironment } from '../../../test/factories.js';

describe.each(dialects)('charter sla verify (%s)', (dialect) => {
  let t: TestDatabase;
  let env: Record<string, string>;
  let dir: string;
  let w: Awaited<ReturnType<typeof documentWorld>>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    env = { DATABASE_URL: t.url, ...t.processEnv };
    w = await documentWorld(t.uow, testEnvironment());
    dir = mkdtempSync(join(tmpdir(), 'charter-sla-verify-'));
    for (const format of ['pdf', 'html', 'md'] as const) {
      const file = await agreementDocument(t.uow, w.admin, w.code, 1, format);
      writeFileSync(join(dir, file.filename), file.body);
    }
  });
  afterAll(() => t.drop());

  it.each(['pdf', 'html', 'md'])(
    'passes an exported %s with exit code 0 and a report per check',
    async (format) => {
      const out = await charterAsync(['sla', 'verify', join(dir, `${w.code}-v1.${format}`)], env);
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      expect(out.stdout).toContain(`Verifying ${w.code} version 1 (${w.hash})`);
      expect(out.stdout).toMatch(
        /ok\s+document text\s+re-rendering the embedded content gives this/,
      );
      expect(out.stdout).toMatch(/ok\s+stored content hash/);
      expect(out.stdout).toContain('verifies: it is exactly the signed content of this version');
    },
  );

  it('fails an altered document with exit code 1, naming what is wrong, also as JSON', async () => {
    const file = await agreementDocument(t.uow, w.admin, w.code, 1, 'md');
    const altered = join(dir, 'altered.md');
    writeFileSync(altered, String(file.body).replace('EUR 12,345.67', 'EUR 2,345.67'));
    const out = await charterAsync(['sla', 'verify', altered], env);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/FAIL\s+document text\s+the document was altered after signing/);
    expect(out.stderr).toMatch(
      /altered.md does NOT verify: document text: the document was altered/,
    );
    const json = await charterAsync(['sla', 'verify', altered, '--json'], env);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout) as DocumentVerification;
    expect(result.ok).toBe(false);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['document text']);
  });

  it('says when the file cannot be read or is not a document', async () => {
    const missing = await charterAsync(['sla', 'verify', join(dir, 'nope.pdf')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'just notes');
    const out = await charterAsync(['sla', 'verify', notes], env);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(
      /FAIL\s+document format\s+the file is not a Charter agreement document/,
    );
  });
});
