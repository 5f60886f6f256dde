/**
 * Log-in throttling, per account and per address: after too many failures within a window the key
 * is locked for a while and log-in answers 429 with when to try again. A success clears the
 * account's count. Kept in the database, so every server process shares it.
 */
import { AppError } from '../app/errors.js';
import type { Queryable } from '../db/client.js';

export const LIMITS = {
  account: { failures: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { failures: 30, windowMinutes: 15, lockMinutes: 15 },
} as const;

type Kind = keyof typeof LIMITS;
const keyOf = (kind: Kind, value: string) => `${kind}:${value.toLowerCase()}`;

/** Throws 429 when the account or the address is locked. */
export async function assertNotLocked(db: Queryable, email: string, ip: string) {
  const rows = await db.query<{ key: string; locked_until: Date }>(
    `SELECT key, locked_until FROM login_failures WHERE key = ANY($1::text[]) AND locked_until > now() ORDER BY locked_until DESC`,
    [[keyOf('account', email), keyOf('address', ip)]],
  );
  if (rows.length === 0) return;
  const minutes = Math.max(1, Math.ceil((new Date(rows[0].locked_until).getTime() - Date.now()) / 60_000));
  const which = rows[0].key.startsWith('account:') ? 'this account' : 'your address';
  throw new AppError('rate_limited', `Too many failed log-ins for ${which}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`, { details: { retryAfterSeconds: minutes * 60 } });
}

async function count(db: Queryable, kind: Kind, value: string) {
  const l = LIMITS[kind];
  await db.query(
    `INSERT INTO login_failures (key, failures, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_failures.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE login_failures.failures + 1 END,
       window_started_at = CASE WHEN login_failures.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE login_failures.window_started_at END`,
    [keyOf(kind, value), l.windowMinutes],
  );
  await db.query(
    `UPDATE login_failures SET locked_until = now() + make_interval(mins => $3), failures = 0, window_started_at = now() WHERE key = $1 AND failures >= $2`,
    [keyOf(kind, value), l.failures, l.lockMinutes],
  );
}

export async function recordFailure(db: Queryable, email: string, ip: string) {
  await count(db, 'account', email);
  await count(db, 'address', ip);
}

export async function clearAccount(db: Queryable, email: string) {
  await db.query(`DELETE FROM login_failures WHERE key = $1`, [keyOf('account', email)]);
}
