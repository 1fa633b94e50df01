import type { Instant } from '../../core/ids.js';
import { accountabilityStatement, addMonths, type Nomination } from '../../core/ownership.js';
import type { Repositories } from '../ports.js';
import { scopeNames, statementSubject } from './ownership-rules.js';

/**
 * The exact statement the nominee confirms when accepting at `now`, with the term end it
 * states (the term counts from the acceptance).
 */
export async function statementFor(
  repos: Repositories,
  n: Nomination,
  now: Instant,
): Promise<{ statement: string; termEndsAt: Instant }> {
  const [nominee, names] = await Promise.all([
    repos.people.get(n.nomineeId),
    scopeNames(repos, n.scope),
  ]);
  const termEndsAt = addMonths(now, n.termMonths);
  const subject = statementSubject(nominee?.name ?? '(unknown)', n.kind, names);
  return { statement: accountabilityStatement(subject, n.termMonths, termEndsAt), termEndsAt };
}
