/**
 * The rules of an agreement version between drafting and activation: what the content must
 * satisfy, which signatures and acknowledgements it still lacks, which targets are backed,
 * when it is expired, and how OLAs are drafted from a team's targets. Pure.
 */
import type { ErrorIssue } from '../errors.js';
import type { AgreementContent, OlaTerm } from './content.js';
import type {
  AgreementVersion,
  OlaAcknowledgement,
  Signature,
  SigningParty,
  VersionStatus,
} from './records.js';
import { signingParties } from './records.js';
import { durationLabel, termKeys, termLabel, termsProblems, type TermKey } from './terms.js';

export const partyLabels: Record<SigningParty, string> = {
  service_owner: 'service owner',
  customer_representative: 'customer representative',
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
export const isCalendarDate = (s: string): boolean =>
  datePattern.test(s) && new Date(`${s}T00:00:00.000Z`).toISOString().slice(0, 10) === s;

/** `date` (YYYY-MM-DD) plus whole days. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** One year after `from`, less a day: 2026-03-01 → 2027-02-28. */
export function defaultExpiry(from: string): string {
  const d = new Date(`${from}T00:00:00.000Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return addCalendarDays(d.toISOString().slice(0, 10), -1);
}

/** Whole days from `from` to `to` (dates). */
export const daysUntil = (from: string, to: string): number =>
  Math.round(
    (Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / 86_400_000,
  );

/** Past its expiry date on `today` (the expiry day itself is still in force). */
export const isExpired = (content: Pick<AgreementContent, 'expiresOn'>, today: string): boolean =>
  content.expiresOn < today;

/** The problems of content that need no look-ups (terms, dates, money, OLA keys), by field. */
export function contentProblems(content: AgreementContent): ErrorIssue[] {
  const issues = termsProblems(content.terms, 'terms');
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!content.title.trim()) add('title', 'must not be empty');
  if (!isCalendarDate(content.effectiveFrom))
    add('effectiveFrom', 'must be a date like 2026-01-31');
  if (!isCalendarDate(content.expiresOn)) add('expiresOn', 'must be a date like 2026-12-31');
  else if (content.expiresOn <= content.effectiveFrom)
    add('expiresOn', `must be after effectiveFrom (${content.effectiveFrom})`);
  const m = content.money;
  if (!/^[A-Z]{3}$/.test(m.currency))
    add('money.currency', 'must be a three-letter ISO 4217 code, e.g. EUR');
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(m.monthlyCostMinor))
    add('money.monthlyCostMinor', 'must be whole minor units, not negative');
  if (!whole(m.costPerMissedTargetMinor))
    add('money.costPerMissedTargetMinor', 'must be whole minor units, not negative');
  m.bands.forEach((b, i) => {
    const p = `money.bands[${i}]`;
    if (!(b.minCompliancePercent >= 0 && b.minCompliancePercent <= 100))
      add(`${p}.minCompliancePercent`, 'must be from 0 to 100');
    const previous = m.bands[i - 1];
    if (previous && b.minCompliancePercent <= previous.minCompliancePercent)
      add(
        `${p}.minCompliancePercent`,
        `must be above the band before it (${previous.minCompliancePercent} %): list bands from the lowest compliance up, each once`,
      );
    if (!whole(b.amountMinor)) add(`${p}.amountMinor`, 'must be whole minor units, not negative');
    if (b.kind === 'none' && b.amountMinor !== 0)
      add(`${p}.amountMinor`, 'must be 0 for a band with neither reward nor penalty');
  });
  const keys = new Set<string>(termKeys(content.terms));
  const seen = new Set<string>();
  content.olas.forEach((o, i) => {
    const p = `olas[${i}]`;
    if (seen.has(o.key)) add(`${p}.key`, `repeats ${o.key}; each OLA needs its own key`);
    seen.add(o.key);
    if (!o.description.trim()) add(`${p}.description`, 'must say what the team commits to');
    if (o.underpins.length === 0)
      add(`${p}.underpins`, 'must name at least one target of the agreement it underpins');
    o.underpins.forEach((k, j) => {
      if (!keys.has(k))
        add(
          `${p}.underpins[${j}]`,
          `${k} is not a target of this agreement; use one of ${[...keys].join(', ') || 'none'}`,
        );
    });
  });
  return issues;
}

/** "Network restores P1 within 2 business hours", "Network responds to P2 within 1 business hour". */
export function olaDescription(o: Pick<OlaTerm, 'teamName' | 'priority' | 'metric' | 'duration'>) {
  const verb = o.metric === 'resolution' ? 'restores' : 'responds to';
  return `${o.teamName} ${verb} ${o.priority} within ${durationLabel(o.duration)}`;
}

export interface VersionProgress {
  signed: SigningParty[];
  missingSignatures: SigningParty[];
  acknowledged: string[];
  missingAcknowledgements: string[];
  /** Both signatures and every OLA acknowledged. */
  complete: boolean;
}

export function versionProgress(
  version: Pick<AgreementVersion, 'id' | 'content'>,
  signatures: readonly Signature[],
  acks: readonly OlaAcknowledgement[],
): VersionProgress {
  const signed = signingParties.filter((p) =>
    signatures.some((s) => s.versionId === version.id && s.party === p),
  );
  const ackedKeys = new Set(acks.filter((a) => a.versionId === version.id).map((a) => a.olaKey));
  const olaKeys = version.content.olas.map((o) => o.key);
  const missingSignatures = signingParties.filter((p) => !signed.includes(p));
  const missingAcknowledgements = olaKeys.filter((k) => !ackedKeys.has(k));
  return {
    signed,
    missingSignatures,
    acknowledged: olaKeys.filter((k) => ackedKeys.has(k)),
    missingAcknowledgements,
    complete: missingSignatures.length === 0 && missingAcknowledgements.length === 0,
  };
}

export interface TargetBacking {
  key: TermKey;
  label: string;
  /** The OLAs that underpin it. */
  olaKeys: string[];
  backed: boolean;
  /** Why it is not backed (empty when backed). */
  reasons: string[];
}

/**
 * A target is backed when the version has both signatures and every OLA underpinning it is
 * acknowledged; a version no longer in force, or expired, backs nothing.
 */
export function targetBacking(
  version: Pick<AgreementVersion, 'id' | 'content'> & { status: VersionStatus },
  signatures: readonly Signature[],
  acks: readonly OlaAcknowledgement[],
  today: string,
): TargetBacking[] {
  const progress = versionProgress(version, signatures, acks);
  const c = version.content;
  return termKeys(c.terms).map((key) => {
    const olas = c.olas.filter((o) => o.underpins.includes(key));
    const reasons: string[] = [];
    if (version.status === 'superseded' || version.status === 'withdrawn')
      reasons.push(`this version is ${version.status}`);
    else if (isExpired(c, today)) reasons.push(`the agreement expired on ${c.expiresOn}`);
    for (const p of progress.missingSignatures) reasons.push(`not signed by the ${partyLabels[p]}`);
    for (const o of olas)
      if (progress.missingAcknowledgements.includes(o.key))
        reasons.push(`OLA ${o.key} (${o.teamName}) not acknowledged by its delivery lead`);
    return {
      key,
      label: termLabel(c.terms, key),
      olaKeys: olas.map((o) => o.key),
      backed: reasons.length === 0,
      reasons,
    };
  });
}
