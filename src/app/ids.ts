/** Identifiers and tokens. */
import crypto from 'node:crypto';

export const newId = (): string => crypto.randomUUID();

export const isUuid = (s: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** A random secret token with a readable prefix, e.g. `vrd_…` for API tokens. */
export const newToken = (prefix: string): string => `${prefix}${crypto.randomBytes(32).toString('base64url')}`;

/** Tokens are stored only as this hash. */
export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');
