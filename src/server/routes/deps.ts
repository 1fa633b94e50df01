import type { Environment, UnitOfWork } from '../../app/ports.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';

export interface RouteDeps {
  uow: UnitOfWork;
  env: Environment;
  config: Config;
  db: Db;
}
