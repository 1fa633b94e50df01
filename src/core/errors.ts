/** The closed set of domain error codes. The server maps every code to an HTTP status. */
export const errorCodes = [
  'invalid',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'precondition_failed',
  'precondition_required',
  'rate_limited',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found.`);
export const forbidden = (message: string) => new DomainError('forbidden', message);
/** A field's value clashes with another record: the message names the field, the issue does not repeat it. */
export const conflict = (path: string, problem: string) =>
  new DomainError('conflict', `${path}: ${problem}`, [{ path, message: problem }]);
export const invalid = (path: string, message: string) =>
  new DomainError('invalid', `${path}: ${message}`, [{ path, message }]);
