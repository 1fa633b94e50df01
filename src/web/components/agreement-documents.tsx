// Links to the documents of one agreement version (HTML, PDF, Markdown), each carrying the
// signed content so that anyone can check it later on the verify page or with
// `charter sla verify FILE`.
import { Link } from '@tanstack/react-router';
import { apiUrl } from '../api.js';

const formats = [
  { format: 'html', label: 'HTML' },
  { format: 'pdf', label: 'PDF' },
  { format: 'md', label: 'Markdown' },
] as const;

/** The document path of a version in one format. */
export function agreementDocumentUrl(
  agreementRef: string,
  number: number,
  format: 'html' | 'pdf' | 'md',
): string {
  return apiUrl(`/agreements/${encodeURIComponent(agreementRef)}/versions/${number}/document`, {
    format,
  });
}

export function AgreementDocuments({
  agreementRef,
  number,
}: {
  agreementRef: string;
  number: number;
}) {
  return (
    <div className="agreement-documents">
      <p>
        Documents of version {number}:{' '}
        {formats.map((f, i) => (
          <span key={f.format}>
            {i > 0 ? ' · ' : null}
            <a
              href={agreementDocumentUrl(agreementRef, number, f.format)}
              download={f.format !== 'html' ? '' : undefined}
              target={f.format === 'html' ? '_blank' : undefined}
              rel={f.format === 'html' ? 'noreferrer' : undefined}
            >
              {f.label}
            </a>
          </span>
        ))}
      </p>
      <p className="muted">
        Each document carries the signed content and its hash.{' '}
        <Link to="/agreements/verify">Verify a document</Link> to check it was not altered after
        signing.
      </p>
    </div>
  );
}
