import type { Environment, UnitOfWork } from '../../app/ports.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { VersionedCache } from '../read-cache.js';

export interface RouteDeps {
  uow: UnitOfWork;
  env: Environment;
  config: Config;
  db: Db;
  /** Serialised list pages, per caller and URL, valid while the data version holds. */
  lists: VersionedCache<Buffer>;
}
