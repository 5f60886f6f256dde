/**
 * The logger: pino, with every place a secret could hide redacted. Fastify uses the same instance.
 */
import { pino, type Logger } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
  '*.password', '*.appPassword', '*.secret', '*.token', '*.accessJwt', '*.refreshJwt', '*.credentials', '*.accessToken', '*.refreshToken',
  'body.password', 'body.appPassword', 'body.secret',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination as any);
}
