import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Environment, UnitOfWork } from '../app/ports.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { registerAuth } from './auth.js';
import { errorHandler, send } from './errors.js';
import { registerMetrics } from './metrics.js';
import { VersionedCache } from './read-cache.js';
import type { Authenticated } from '../app/auth/authenticate.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { peopleRoutes } from './routes/people.routes.js';
import { teamsRoutes } from './routes/teams.routes.js';
import { servicesRoutes } from './routes/services.routes.js';
import { ownershipRoutes } from './routes/ownership.routes.js';
import { portfolioRoutes } from './routes/portfolio.routes.js';
import { ticketsRoutes } from './routes/tickets.routes.js';
import { alertmanagerRoutes } from './routes/alertmanager.routes.js';
import { notificationsRoutes } from './routes/notifications.routes.js';
import { governanceRoutes } from './routes/governance.routes.js';
import { commitmentsRoutes } from './routes/commitments.routes.js';
import { raciRoutes } from './routes/raci.routes.js';
import { calendarsRoutes } from './routes/calendars.routes.js';
import { targetsRoutes } from './routes/targets.routes.js';
import { slaRoutes } from './routes/sla.routes.js';
import { agreementAttainmentRoutes } from './routes/agreement-attainment.routes.js';
import { requirementsRoutes } from './routes/requirements.routes.js';
import { feasibilityRoutes } from './routes/feasibility.routes.js';
import { agreementsRoutes } from './routes/agreements.routes.js';
import { agreementDocumentsRoutes } from './routes/agreement-documents.routes.js';

export interface ServerDeps {
  config: Config;
  db: Db;
  uow: UnitOfWork;
  env: Environment;
  /** Directory of the built web UI; served when it exists. */
  webRoot?: string;
  logger?: boolean;
}

const requestIdPattern = /^[\w.:-]{1,64}$/;

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.CHARTER_BODY_LIMIT_BYTES,
    trustProxy: config.CHARTER_TRUST_PROXY,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming)
        ? incoming
        : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', (request, reply, _payload, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(
    ['application/yaml', 'text/yaml', 'application/x-yaml'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      message: `Too many attempts; wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Charter API',
        version: '1',
        description:
          'Service ownership and service levels as real commitments. Authenticate with a session cookie (POST /api/v1/auth/login; writes then need X-CSRF-Token) or an API token (Authorization: Bearer). Lists take limit, cursor, sort (field or -field), q and format=csv. Updates need If-Match with the ETag you read.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'charter_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const ttlMs = 60_000;
  const signIns = new VersionedCache<Authenticated>(
    config.CHARTER_READ_CACHE_ENTRIES,
    config.CHARTER_READ_CACHE_ENTRIES,
    ttlMs,
  );
  const lists = new VersionedCache<Buffer>(
    config.CHARTER_READ_CACHE_ENTRIES,
    64 * 1024 * 1024,
    ttlMs,
  );
  registerAuth(app, deps.uow, deps.env, signIns);
  registerMetrics(app);

  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db.kysely);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unavailable' });
    }
  });

  const routeDeps = { uow: deps.uow, env: deps.env, config, db: deps.db, lists };
  await app.register(
    async (api) => {
      await api.register(authRoutes(routeDeps));
      await api.register(peopleRoutes(routeDeps));
      await api.register(teamsRoutes(routeDeps));
      await api.register(auditRoutes(routeDeps));
      await api.register(servicesRoutes(routeDeps));
      await api.register(ownershipRoutes(routeDeps));
      await api.register(portfolioRoutes(routeDeps));
      await api.register(ticketsRoutes(routeDeps));
      await api.register(alertmanagerRoutes(routeDeps));
      await api.register(notificationsRoutes(routeDeps));
      await api.register(governanceRoutes(routeDeps));
      await api.register(commitmentsRoutes(routeDeps));
      await api.register(raciRoutes(routeDeps));
      await api.register(calendarsRoutes(routeDeps));
      await api.register(targetsRoutes(routeDeps));
      await api.register(slaRoutes(routeDeps));
      await api.register(agreementAttainmentRoutes(routeDeps));
      await api.register(requirementsRoutes(routeDeps));
      await api.register(feasibilityRoutes(routeDeps));
      await api.register(agreementsRoutes(routeDeps));
      await api.register(agreementDocumentsRoutes(routeDeps));
    },
    { prefix: '/api/v1' },
  );

  const webRoot = deps.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    // Hashed assets never change; index.html is always revalidated.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader(
          'Cache-Control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  if (hasWeb)
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('Cache-Control', 'no-cache').sendFile('index.html'),
    );
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (no file extension) get the single-page app; missing files get a 404.
    const path = request.url.split('?')[0] ?? '';
    if (
      request.method === 'GET' &&
      hasWeb &&
      !path.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(path)
    ) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return send(
      reply,
      404,
      'not_found',
      `No route ${request.method} ${request.url.split('?')[0]}. The API is described at /api/docs.`,
    );
  });
  return app;
}
