import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '../core/errors.js';
import type { ErrorBody } from '../contract/common.js';

/** Every domain error code has a status; a new code without one fails to compile. */
const statusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  rate_limited: 429,
};

type Code = ErrorBody['error']['code'];

export function send(
  reply: FastifyReply,
  status: number,
  code: Code,
  message: string,
  issues?: { path: string; message: string }[],
) {
  const body: ErrorBody = {
    error: { code, message, ...(issues ? { issues } : {}), requestId: String(reply.request.id) },
  };
  return reply.status(status).type('application/json').send(body);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return send(reply, statusOf[error.code], error.code, error.message, error.issues);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const issues = error.validation.flatMap((v) => {
      const base = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
      const params = v.params as { keys?: string[] } | undefined;
      if (v.keyword === 'unrecognized_keys' && params?.keys) {
        return params.keys.map((k) => ({
          path: base ? `${base}.${k}` : k,
          message: 'is not a known field; remove it',
        }));
      }
      const missing = v.keyword === 'invalid_type' && /received undefined/.test(v.message ?? '');
      return [
        { path: base || where, message: missing ? 'is required' : (v.message ?? 'is not valid') },
      ];
    });
    return send(
      reply,
      400,
      'invalid',
      `The request ${where} is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(
      reply,
      413,
      'payload_too_large',
      'The request body is too large; send less data or split it.',
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(
      reply,
      415,
      'unsupported_media_type',
      `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted here; send application/json.`,
    );
  }
  if (status === 429) return send(reply, 429, 'rate_limited', error.message);
  const passthrough: Partial<Record<number, Code>> = {
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
  };
  const code = passthrough[status];
  if (code) return send(reply, status, code, error.message);
  if (status >= 400 && status < 500) {
    const message =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'The request body is not valid JSON.'
        : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The request body is empty; send a JSON object.'
          : error.message;
    return send(reply, 400, 'invalid', message, [{ path: 'body', message }]);
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(
    reply,
    500,
    'internal',
    'Something went wrong on our side. Quote the request id when you report it.',
  );
}
