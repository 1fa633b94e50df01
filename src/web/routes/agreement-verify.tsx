// Verify an agreement document (HTML, PDF or Markdown): is it exactly the content that was
// signed, and does Charter hold that version with those signatures? Choose or drop a file.
import { useRef, useState, type DragEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiError, API_BASE } from '../api.js';
import type { DocumentVerification } from '../../contract/agreement-documents.js';
import { DataTable } from '../components/table.js';
import { Badge, ErrorBanner, Loading, PageHeader } from '../components/ui.js';

function csrf(): string | null {
  const m = /(?:^|;\s*)charter_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : null;
}

const contentTypeOf = (file: File) => {
  const name = file.name.toLowerCase();
  if (name.endsWith('.pdf')) return 'application/pdf';
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'text/html';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'text/markdown';
  return 'application/octet-stream';
};

/** POSTs the file as it is (the JSON client sends JSON bodies only). */
async function verifyFile(file: File): Promise<DocumentVerification> {
  const token = csrf();
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/agreements/verify`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': contentTypeOf(file),
        Accept: 'application/json',
        ...(token ? { 'X-CSRF-Token': token } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiError(
      0,
      null,
      'Cannot reach the Charter server. Check your connection and try again.',
    );
  }
  const json = (await res.json().catch(() => null)) as
    (DocumentVerification & { error?: ConstructorParameters<typeof ApiError>[1] }) | null;
  if (!res.ok)
    throw new ApiError(res.status, json?.error ?? null, `Verification failed (${res.status})`);
  return json!;
}

const formatNames = { pdf: 'PDF', html: 'HTML', md: 'Markdown' } as const;

function Result({ result, name }: { result: DocumentVerification; name: string }) {
  return (
    <section className="doc-verify__result" aria-labelledby="verify-result-h">
      <h2 id="verify-result-h">
        {result.ok ? <Badge tone="good">Verified</Badge> : <Badge tone="bad">Not verified</Badge>}{' '}
        {name}
      </h2>
      {result.ok ? (
        <p className="banner banner--success" role="status">
          This {result.format ? formatNames[result.format] : ''} document is exactly the signed
          content of {result.agreementCode} version {result.version}.
        </p>
      ) : (
        <p className="banner banner--error" role="alert">
          This document does not verify:{' '}
          {result.checks.find((c) => !c.ok)?.detail ?? 'a check failed'}.
        </p>
      )}
      {result.agreementCode ? (
        <dl className="details">
          <div>
            <dt>Agreement</dt>
            <dd>
              <a href={`/agreements/${encodeURIComponent(result.agreementCode)}`}>
                {result.agreementCode}
              </a>{' '}
              version {result.version}
              {result.status ? <span className="muted"> ({result.status} now)</span> : null}
            </dd>
          </div>
          <div>
            <dt>Content hash</dt>
            <dd>
              <code className="doc-verify__hash">{result.contentHash}</code>
            </dd>
          </div>
        </dl>
      ) : null}
      <DataTable
        caption="Checks"
        columns={[{ label: 'Result' }, { label: 'Check' }, { label: 'Detail' }]}
      >
        {result.checks.map((c) => (
          <tr key={c.name}>
            <td>{c.ok ? <Badge tone="good">ok</Badge> : <Badge tone="bad">failed</Badge>}</td>
            <td>{c.name}</td>
            <td>{c.detail}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

export function AgreementVerifyPage() {
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const verify = useMutation({ mutationFn: verifyFile });
  const choose = (file: File | undefined) => {
    if (!file) return;
    setName(file.name);
    verify.mutate(file);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files[0]);
  };

  return (
    <>
      <PageHeader
        title="Verify an agreement document"
        description="Check that an agreement exported from Charter (PDF, HTML or Markdown) is exactly what was signed: its content hash, its text and the signatures Charter holds."
      />
      <div
        className={`doc-drop${dragging ? ' doc-drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor="doc-file">Agreement document (.pdf, .html or .md)</label>
        <input
          id="doc-file"
          ref={input}
          type="file"
          accept=".pdf,.html,.htm,.md,.markdown,application/pdf,text/html,text/markdown"
          onChange={(e) => {
            choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <p className="field__hint">
          Or drop the file here. Nothing is stored: the file is checked and the result shown. The
          same check runs on the command line with <code>charter sla verify FILE</code>.
        </p>
      </div>
      <div aria-live="polite">
        {verify.isPending ? <Loading label={`Verifying ${name ?? 'the document'}…`} /> : null}
        <ErrorBanner error={verify.error} />
        {verify.data && name ? <Result result={verify.data} name={name} /> : null}
      </div>
    </>
  );
}
