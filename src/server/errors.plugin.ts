/**
 * The edge where every error becomes `{"error":{"code","message","details"}}` with its status.
 * Validation errors list each bad field (with its problem code when the check names one);
 * unexpected errors are logged with their stack and answered with a bare 500 — never a stack
 * trace to a client.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../app/errors.js';

export function sendError(status: number, code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      return reply.status(err.status).send(sendError(err.status, err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // A check that names a problem code (zod `params: { code }`) passes it on, for clients to say it in the user's language.
      const details = err.validation.map((v) => {
        const code = (v.params as { params?: { code?: unknown } } | undefined)?.params?.code;
        return {
          field: [err.validationContext, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
          message: v.message,
          ...(typeof code === 'string' ? { code } : {}),
        };
      });
      const first = details[0];
      return reply.status(400).send(sendError(400, 'bad_request', `Invalid request: ${first ? `${first.field}: ${first.message}` : 'check the input'}`, details));
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(sendError(413, 'payload_too_large', 'The request body is too large'));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(sendError(415, 'unsupported_media_type', `Unsupported Content-Type: ${req.headers['content-type'] ?? 'none'}`));
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, empty body…): their messages are safe.
      const message = err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'The request body is empty; send JSON' : err.message.startsWith('Body is not valid JSON') || err instanceof SyntaxError ? 'The request body is not valid JSON' : err.message;
      return reply.status(status).send(sendError(status, 'bad_request', message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(sendError(500, 'internal', 'Something went wrong on the server; it has been logged'));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(sendError(404, 'not_found', `No route for ${req.method} ${req.url.split('?')[0]}`));
  });
}
