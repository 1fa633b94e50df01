/**
 * The document of an agreement version (HTML, Markdown or PDF), readable by anyone signed in:
 * the content as signed, the signatures and the OLA acknowledgements, with the payload embedded
 * so that the file can be verified later (verify-document.ts).
 */
import type { AgreementId } from '../../core/agreements/content.js';
import {
  documentFilename,
  documentPayload,
  renderHtml,
  renderMarkdown,
  type AgreementDocumentPayload,
  type DocumentFormat,
} from '../../core/agreements/document.js';
import type { Agreement, AgreementVersion } from '../../core/agreements/records.js';
import { notFound } from '../../core/errors.js';
import type { Ctx } from '../context.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { renderPdf } from './document-pdf.js';

export interface AgreementDocumentFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

export const documentContentTypes: Record<DocumentFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
};

/** An agreement by id or code (SLA-0001). */
export async function agreementByRef(repos: Repositories, ref: string): Promise<Agreement | null> {
  return (
    (await repos.agreements.get(ref as AgreementId)) ??
    (await repos.agreements.getByCode(ref.toUpperCase()))
  );
}

/** Version `number` of an agreement. */
export async function versionOf(
  repos: Repositories,
  agreement: Agreement,
  number: number,
): Promise<AgreementVersion | null> {
  const versions = await repos.agreements.versionsOf([agreement.id]);
  return versions.find((v) => v.number === number) ?? null;
}

/** The payload of a stored version: what its documents show and embed. */
export async function versionPayload(
  repos: Repositories,
  version: AgreementVersion,
): Promise<AgreementDocumentPayload> {
  const [signatures, acks] = await Promise.all([
    repos.agreements.signaturesOf([version.id]),
    repos.agreements.acknowledgementsOf([version.id]),
  ]);
  const names = new Map<string, string>();
  for (const id of new Set([...signatures, ...acks].map((x) => x.personId))) {
    names.set(id, (await repos.people.get(id))?.name ?? 'Unknown person');
  }
  const teamNames = new Map(version.content.olas.map((o) => [o.key, o.teamName]));
  return documentPayload({
    agreementId: version.agreementId,
    number: version.number,
    status: version.status,
    createdAt: version.createdAt,
    content: version.content,
    contentHash: version.contentHash,
    signatures: signatures.map((s) => ({
      party: s.party,
      personId: s.personId,
      name: names.get(s.personId) ?? 'Unknown person',
      signedAt: s.signedAt,
      contentHash: s.contentHash,
    })),
    acknowledgements: acks.map((a) => ({
      olaKey: a.olaKey,
      teamName: teamNames.get(a.olaKey) ?? 'Unknown team',
      personId: a.personId,
      name: names.get(a.personId) ?? 'Unknown person',
      acknowledgedAt: a.acknowledgedAt,
      contentHash: a.contentHash,
    })),
  });
}

export async function renderDocument(
  payload: AgreementDocumentPayload,
  format: DocumentFormat,
): Promise<string | Uint8Array> {
  if (format === 'pdf') return renderPdf(payload);
  return format === 'md' ? renderMarkdown(payload) : renderHtml(payload);
}

/** GET the document of version `number` of agreement `ref` (id or code) in `format`. */
export async function agreementDocument(
  uow: UnitOfWork,
  _ctx: Ctx,
  ref: string,
  number: number,
  format: DocumentFormat,
): Promise<AgreementDocumentFile> {
  const repos = uow.read;
  const agreement = await agreementByRef(repos, ref);
  if (!agreement) throw notFound(`Agreement ${ref}`);
  const version = await versionOf(repos, agreement, number);
  if (!version) throw notFound(`Version ${number} of agreement ${agreement.code}`);
  const payload = await versionPayload(repos, version);
  return {
    filename: documentFilename(payload, format),
    contentType: documentContentTypes[format],
    body: await renderDocument(payload, format),
  };
}
