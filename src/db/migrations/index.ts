import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.js';
import * as services from './0002-services.js';
import * as serviceSourceRef from './0003-service-source-ref.js';
import * as graphVersion from './0004-graph-version.js';
import * as ownership from './0005-ownership.js';
import * as notifications from './0006-notifications.js';
import * as calendars from './0007-calendars.js';
import * as tickets from './0008-tickets.js';
import * as commitments from './0009-commitments.js';
import * as agreements from './0010-agreements.js';

/** Every migration, in order. Names are permanent: never rename or edit a released one. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-services': services,
  '0003-service-source-ref': serviceSourceRef,
  '0004-graph-version': graphVersion,
  '0005-ownership': ownership,
  '0006-notifications': notifications,
  '0007-calendars': calendars,
  '0008-tickets': tickets,
  '0009-commitments': commitments,
  '0010-agreements': agreements,
};
