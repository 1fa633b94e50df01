import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../app/context.js';
import type { Page } from '../app/ports.js';
import { ErrorBody, IdParams } from '../contract/common.js';
import { ctxOf, etag, expectedVersion } from './auth.js';
import { sendCsv } from './csv.js';
import type { RouteDeps } from './routes/deps.js';

/** The error responses every resource route may give. */
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  412: ErrorBody,
  428: ErrorBody,
};
const ifMatch = z.object({ 'if-match': z.string().optional() });

type ListQuery = { format: 'json' | 'csv'; limit: number; cursor?: string | undefined };

/** A collection with the API's conventions: list (+CSV), create, read with ETag, update with If-Match. */
export interface Resource<
  T extends { id: string; version: number },
  I extends z.ZodType,
  Q extends z.ZodType<ListQuery>,
  C extends z.ZodType,
  U extends z.ZodType,
> {
  path: string;
  tag: string;
  noun: string;
  schemas: { item: I; page: z.ZodType; query: Q; create: C; update: U };
  csv: { filename: string; columns: Extract<keyof z.output<I>, string>[] };
  /** Path parameters of one record (default: `id`, a UUID). */
  params?: z.ZodObject<{ id: z.ZodType<string> }>;
  list(ctx: Ctx, query: Omit<z.output<Q>, 'format'>): Promise<Page<T>>;
  create(ctx: Ctx, input: z.output<C>): Promise<T>;
  get(ctx: Ctx, id: string): Promise<T>;
  update(ctx: Ctx, id: string, expectedVersion: number, input: z.output<U>): Promise<T>;
}

export function registerResource<
  T extends { id: string; version: number },
  I extends z.ZodType,
  Q extends z.ZodType<ListQuery>,
  C extends z.ZodType,
  U extends z.ZodType,
>(app: FastifyInstance, { env, lists }: RouteDeps, r: Resource<T, I, Q, C, U>) {
  const { item, page, query, create, update } = r.schemas;
  const tags = [r.tag];

  app.get(
    r.path,
    {
      schema: {
        tags,
        summary: `List ${r.noun}s`,
        querystring: query,
        response: { 200: page, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, env);
      const { format, ...rest } = request.query as z.output<Q>;
      if (format === 'csv') {
        return sendCsv(
          reply,
          r.csv.filename,
          r.csv.columns as Extract<keyof T, string>[],
          (cursor) => r.list(ctx, { ...rest, limit: 200, cursor }),
        );
      }
      // Pages are cached per caller and URL and revalidated by the data version (ETag / 304).
      const version = request.dataVersion;
      const tag = `W/"d${version}-${ctx.actor.personId.slice(0, 8)}"`;
      void reply.header('ETag', tag).header('Cache-Control', 'private, no-cache');
      if (request.headers['if-none-match'] === tag) return reply.status(304).send();
      const key = `${ctx.actor.personId} ${request.url}`;
      const now = Date.now();
      let body = lists.get(key, version, now);
      if (body === undefined) {
        body = Buffer.from(JSON.stringify(await r.list(ctx, rest)));
        lists.set(key, version, body, body.length, now);
      }
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  app.post(
    r.path,
    {
      schema: {
        tags,
        summary: `Create a ${r.noun}`,
        body: create,
        response: { 201: item, ...errors },
      },
    },
    async (request, reply) => {
      const created = await r.create(ctxOf(request, env), request.body as z.output<C>);
      return etag(reply, created.version)
        .status(201)
        .header('Location', `/api/v1${r.path}/${created.id}`)
        .send(created);
    },
  );

  app.get(
    `${r.path}/:id`,
    {
      schema: {
        tags,
        summary: `Get a ${r.noun}`,
        params: r.params ?? IdParams,
        response: { 200: item, ...errors },
      },
    },
    async (request, reply) => {
      const found = await r.get(ctxOf(request, env), (request.params as { id: string }).id);
      return etag(reply, found.version).send(found);
    },
  );

  app.patch(
    `${r.path}/:id`,
    {
      schema: {
        tags,
        summary: `Change a ${r.noun} (send If-Match with the ETag you read)`,
        params: r.params ?? IdParams,
        headers: ifMatch,
        body: update,
        response: { 200: item, ...errors },
      },
    },
    async (request, reply) => {
      const updated = await r.update(
        ctxOf(request, env),
        (request.params as { id: string }).id,
        expectedVersion(request),
        request.body as z.output<U>,
      );
      return etag(reply, updated.version).send(updated);
    },
  );
}
