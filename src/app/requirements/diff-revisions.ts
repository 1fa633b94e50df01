import { diffTerms, moneyLabel, type DiffEntry } from '../../core/agreements/diff.js';
import type { RequirementRevision } from '../../core/agreements/records.js';
import { notFound } from '../../core/errors.js';
import type { RevisionDiff } from '../../contract/requirements.js';
import type { Ctx } from '../context.js';
import type { UnitOfWork } from '../ports.js';
import { findRequirement } from './requirement-rules.js';

const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

/** The business value and justification changes between two revisions, in words. */
function valueChanges(a: RequirementRevision, b: RequirementRevision): DiffEntry[] {
  const out: DiffEntry[] = [];
  const text = (path: string, what: string, x: string, y: string) => {
    if (x !== y) out.push({ path, label: `${what}: ${clip(x)} → ${clip(y)}`, before: x, after: y });
  };
  const va = a.businessValue;
  const vb = b.businessValue;
  text(
    'businessValue.lossPerOutageHourMinor',
    'Loss per hour of outage',
    moneyLabel(va.currency, va.lossPerOutageHourMinor),
    moneyLabel(vb.currency, vb.lossPerOutageHourMinor),
  );
  text('businessValue.description', 'Business value', va.description, vb.description);
  text('justification', 'Justification', a.justification, b.justification);
  return out;
}

/** What changed from revision `a` to revision `b` of a requirement, one readable line each. */
export async function diffRevisions(
  uow: UnitOfWork,
  _ctx: Ctx,
  id: string,
  a: number,
  b: number,
): Promise<RevisionDiff> {
  const repos = uow.read;
  const r = await findRequirement(repos, id);
  const [x, y] = await Promise.all([
    repos.requirements.revision(r.id, a),
    repos.requirements.revision(r.id, b),
  ]);
  if (!x) throw notFound(`Revision ${a} of this requirement`);
  if (!y) throw notFound(`Revision ${b} of this requirement`);
  const names = new Map<string, string>();
  for (const cid of new Set([x.terms.calendarId, y.terms.calendarId]))
    names.set(cid, (await repos.calendars.get(cid))?.name ?? cid);
  return {
    requirementId: r.id,
    from: a,
    to: b,
    changes: [
      ...diffTerms(x.terms, y.terms, (cid) => names.get(cid) ?? cid),
      ...valueChanges(x, y),
    ],
  };
}
