import { randomUUID } from 'node:crypto';
import type { Environment } from '../app/ports.js';
import type { Instant } from '../core/ids.js';

/** The real clock and id source. */
export const systemEnvironment: Environment = {
  now: () => new Date().toISOString() as Instant,
  newId: () => randomUUID(),
};
