import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../contract/common.js';
import { ImportQuery, ImportReport } from '../../contract/portfolio.js';
import { applyPortfolio } from '../../app/portfolio/apply-portfolio.js';
import { exportPortfolio } from '../../app/portfolio/export-portfolio.js';
import { importBackstage } from '../../app/portfolio/import-backstage.js';
import { importServicesCsv } from '../../app/portfolio/import-services-csv.js';
import { ctxOf } from '../auth.js';
import type { RouteDeps } from './deps.js';

const tags = ['portfolio'];
const responses = {
  200: ImportReport,
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
};
const report =
  'Every item is reported as created, updated (with each field, old and new), unchanged, removed, skipped or rejected with the reason and the line of the file. dryRun=true applies nothing; atomic=true applies nothing when any item is rejected.';

/** Portfolio as files: Charter YAML apply/export, Backstage catalogue import, services CSV import. */
export const portfolioRoutes =
  (deps: RouteDeps): FastifyPluginCallbackZod =>
  (app, _options, done) => {
    const { uow, env, config } = deps;
    const options = (q: { dryRun: string; atomic: string }) => ({
      dryRun: q.dryRun === 'true',
      atomic: q.atomic === 'true',
    });
    const body = (b: unknown) => (typeof b === 'string' ? b : '');
    const upload = { bodyLimit: config.CHARTER_IMPORT_LIMIT_BYTES };

    app.post(
      '/portfolio/apply',
      {
        ...upload,
        schema: {
          tags,
          summary: "Apply Charter's portfolio YAML (Content-Type application/yaml)",
          description: `Creates or updates organisation units, teams, services and their dependencies as declared (docs/portfolio-yaml.md). ${report}`,
          querystring: ImportQuery,
          response: responses,
        },
      },
      (request) =>
        applyPortfolio(uow, ctxOf(request, env), body(request.body), options(request.query)),
    );

    app.get(
      '/portfolio/export',
      {
        schema: {
          tags,
          summary: "The whole portfolio as Charter's portfolio YAML",
          description: 'Apply the result to another Charter to get the same portfolio.',
          produces: ['application/yaml'],
        },
      },
      async (request, reply) =>
        reply
          .header('Content-Type', 'application/yaml; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="portfolio.yaml"')
          .send(await exportPortfolio(uow, ctxOf(request, env))),
    );

    app.post(
      '/portfolio/backstage',
      {
        ...upload,
        schema: {
          tags,
          summary: 'Import a Backstage catalogue (catalog-info.yaml, multi-document)',
          description: `Entities are matched by their reference (kind:namespace/name), so importing again updates. ${report}`,
          querystring: ImportQuery,
          response: responses,
        },
      },
      (request) =>
        importBackstage(uow, ctxOf(request, env), body(request.body), options(request.query)),
    );

    app.post(
      '/services/import',
      {
        ...upload,
        schema: {
          tags: ['services'],
          summary:
            'Import services from CSV (columns: slug, name, kind, lifecycle, tier, team, customers, tags, system, domain, description, depends_on)',
          description: `Send the CSV as the body with Content-Type text/csv. Services are matched by slug; a file from GET /services?format=csv imports as it is. ${report}`,
          querystring: ImportQuery,
          response: responses,
        },
      },
      (request) =>
        importServicesCsv(uow, ctxOf(request, env), body(request.body), options(request.query)),
    );
    done();
  };
