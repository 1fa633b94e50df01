/**
 * Verifying an agreement document (PDF, HTML or Markdown), for anyone who holds one: the
 * embedded content must hash to the signed hash, re-rendering it must give the file exactly
 * (so any edit of the visible text shows), and Charter must hold that version with that hash
 * and the signatures and acknowledgements the document shows.
 */
import {
  contentHashCheck,
  detectDocumentFormat,
  documentSchema,
  formatLabel,
  readTextPayload,
  renderingCheck,
  textReproduces,
  type AgreementDocumentPayload,
  type DocumentCheck,
  type DocumentFormat,
  type PayloadReading,
} from '../../core/agreements/document.js';
import type { AgreementId } from '../../core/agreements/content.js';
import type { SigningParty } from '../../core/agreements/records.js';
import type { PersonId } from '../../core/ids.js';
import type { DocumentVerification } from '../../contract/agreement-documents.js';
import type { Repositories, UnitOfWork } from '../ports.js';
import { versionOf } from './agreement-document.js';
import { pdfReproduces, readPdfPayload } from './document-pdf.js';

const partyLabels: Record<SigningParty, string> = {
  service_owner: 'the service owner',
  customer_representative: 'the customer representative',
};
const partyLabel = (party: string) => partyLabels[party as SigningParty] ?? party;

/** Checks a document against itself and against the database. */
export async function verifyDocument(
  uow: UnitOfWork,
  bytes: Uint8Array,
): Promise<DocumentVerification> {
  const checks: DocumentCheck[] = [];
  const result = (
    payload: AgreementDocumentPayload | null,
    format: DocumentFormat | null,
    status: string | null = null,
  ): DocumentVerification => ({
    ok: checks.length > 0 && checks.every((c) => c.ok),
    format,
    agreementCode: payload?.content.code ?? null,
    agreementId: payload?.agreementId ?? null,
    version: payload?.number ?? null,
    contentHash: payload?.contentHash ?? null,
    status,
    checks,
  });

  const format = bytes.length > 0 ? detectDocumentFormat(bytes) : null;
  if (!format) {
    checks.push({
      name: 'document format',
      ok: false,
      detail:
        bytes.length === 0
          ? 'the file is empty'
          : 'the file is not a Charter agreement document: expected a PDF, an HTML page or Markdown exported from Charter',
    });
    return result(null, null);
  }
  checks.push({
    name: 'document format',
    ok: true,
    detail: `${format === 'html' ? 'an' : 'a'} ${formatLabel(format)} document`,
  });

  let reading: PayloadReading;
  let text = '';
  if (format === 'pdf') reading = await readPdfPayload(bytes);
  else {
    text = new TextDecoder('utf-8').decode(bytes);
    reading = readTextPayload(text, format);
  }
  if (!reading.ok) {
    checks.push({ name: 'embedded content', ok: false, detail: `the document ${reading.problem}` });
    return result(null, format);
  }
  const payload = reading.payload;
  checks.push({
    name: 'embedded content',
    ok: true,
    detail: `${payload.content.code} version ${payload.number} (${documentSchema})`,
  });

  checks.push(contentHashCheck(payload));
  const reproduced =
    format === 'pdf' ? await pdfReproduces(bytes, payload) : textReproduces(text, payload, format);
  checks.push(renderingCheck(reproduced, format));

  const status = await databaseChecks(uow.read, payload, checks);
  return result(payload, format, status);
}

/** (c) The version exists with this hash, and the signatures and acknowledgements are stored. */
async function databaseChecks(
  repos: Repositories,
  payload: AgreementDocumentPayload,
  checks: DocumentCheck[],
): Promise<string | null> {
  const code = payload.content.code;
  const agreement = await repos.agreements.get(payload.agreementId as AgreementId);
  if (!agreement || agreement.code !== code) {
    const byCode = agreement ? null : await repos.agreements.getByCode(code);
    checks.push({
      name: 'agreement version',
      ok: false,
      detail: agreement
        ? `the document is for ${code}, but its agreement is ${agreement.code} in Charter`
        : byCode
          ? `${code} in Charter is another agreement than the one in the document: the document does not come from this Charter`
          : `Charter has no agreement ${code}: the document does not come from this Charter`,
    });
    return null;
  }
  const version = await versionOf(repos, agreement, payload.number);
  if (!version) {
    checks.push({
      name: 'agreement version',
      ok: false,
      detail: `Charter has no version ${payload.number} of ${code}`,
    });
    return null;
  }
  checks.push({
    name: 'agreement version',
    ok: true,
    detail: `${code} version ${version.number} exists and is ${version.status} now${
      version.status !== payload.status ? ` (the document shows it ${payload.status})` : ''
    }`,
  });

  checks.push(
    version.contentHash === payload.contentHash
      ? {
          name: 'stored content hash',
          ok: true,
          detail: `the document's content hash is the one Charter stores for version ${version.number}`,
        }
      : {
          name: 'stored content hash',
          ok: false,
          detail: `the document's content hash (${payload.contentHash}) differs from the one Charter stores for version ${version.number} (${version.contentHash}): the document is not the signed content of that version`,
        },
  );

  const [signatures, acks] = await Promise.all([
    repos.agreements.signaturesOf([version.id]),
    repos.agreements.acknowledgementsOf([version.id]),
  ]);
  const nameOf = async (id: string) => (await repos.people.get(id as PersonId))?.name ?? null;

  const signatureProblems: string[] = [];
  for (const s of payload.signatures) {
    const stored = signatures.find((x) => x.party === s.party);
    const who = partyLabel(s.party);
    if (!stored) {
      signatureProblems.push(`Charter has no signature of ${who} on this version`);
      continue;
    }
    const storedName = await nameOf(stored.personId);
    if (stored.personId !== s.personId || (storedName !== null && storedName !== s.name))
      signatureProblems.push(
        `the document names ${s.name} as the signer for ${who}, Charter records ${storedName ?? 'another person'}`,
      );
    else if (stored.signedAt !== s.signedAt)
      signatureProblems.push(
        `the document dates the signature of ${who} ${s.signedAt}, Charter records ${stored.signedAt}`,
      );
    else if (stored.contentHash !== s.contentHash)
      signatureProblems.push(`the signature of ${who} in Charter is for other content`);
  }
  const later = signatures.filter((x) => !payload.signatures.some((s) => s.party === x.party));
  checks.push(
    signatureProblems.length > 0
      ? { name: 'signatures', ok: false, detail: `${signatureProblems.join('; ')}` }
      : {
          name: 'signatures',
          ok: true,
          detail: `${
            payload.signatures.length === 0
              ? 'the document shows no signatures'
              : `${payload.signatures.map((s) => `${s.name} (${partyLabel(s.party)})`).join(' and ')} signed as shown`
          }${
            later.length > 0
              ? `; signed since the document was made by ${later.map((x) => partyLabel(x.party)).join(' and ')}`
              : ''
          }`,
        },
  );

  const ackProblems: string[] = [];
  for (const a of payload.acknowledgements) {
    const stored = acks.find((x) => x.olaKey === a.olaKey);
    if (!stored) {
      ackProblems.push(`Charter has no acknowledgement of ${a.olaKey}`);
      continue;
    }
    const storedName = await nameOf(stored.personId);
    if (stored.personId !== a.personId || (storedName !== null && storedName !== a.name))
      ackProblems.push(
        `the document names ${a.name} as acknowledging ${a.olaKey}, Charter records ${storedName ?? 'another person'}`,
      );
    else if (stored.acknowledgedAt !== a.acknowledgedAt)
      ackProblems.push(
        `the document dates the acknowledgement of ${a.olaKey} ${a.acknowledgedAt}, Charter records ${stored.acknowledgedAt}`,
      );
  }
  const laterAcks = acks.filter(
    (x) => !payload.acknowledgements.some((a) => a.olaKey === x.olaKey),
  );
  checks.push(
    ackProblems.length > 0
      ? { name: 'acknowledgements', ok: false, detail: ackProblems.join('; ') }
      : {
          name: 'acknowledgements',
          ok: true,
          detail: `${
            payload.acknowledgements.length === 0
              ? 'the document shows no OLA acknowledgements'
              : `${payload.acknowledgements.map((a) => `${a.olaKey} by ${a.name}`).join(', ')} as shown`
          }${laterAcks.length > 0 ? `; acknowledged since: ${laterAcks.map((x) => x.olaKey).join(', ')}` : ''}`,
        },
  );
  return version.status;
}
