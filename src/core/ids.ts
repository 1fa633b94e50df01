/** Branded identifiers and units: values that look alike must not mix by accident. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type PersonId = Brand<string, 'PersonId'>;
export type TeamId = Brand<string, 'TeamId'>;
export type OrgUnitId = Brand<string, 'OrgUnitId'>;
export type TokenId = Brand<string, 'TokenId'>;
/** An instant as an ISO-8601 UTC string with milliseconds, e.g. 2026-01-02T03:04:05.000Z. */
export type Instant = Brand<string, 'Instant'>;
