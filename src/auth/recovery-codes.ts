/**
 * Recovery codes for two-factor log-in: ten single-use codes of 80 random bits each, shown once
 * as `xxxx-xxxx-xxxx-xxxx` and stored only as SHA-256 hashes (with the user's id, so equal codes
 * of two users never share a hash). Using one marks it used in the same statement that finds it,
 * so a code works once even when two log-ins race.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/client.js';
import { newId } from '../app/ids.js';
import { base32Encode } from './totp.js';

export const RECOVERY_CODE_COUNT = 10;

/** Lower-case base32 without separators; what is hashed. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

const hashCode = (userId: string, code: string) => crypto.createHash('sha256').update(`recovery:${userId}:${normalizeRecoveryCode(code)}`).digest('hex');

function newCode(): string {
  const raw = base32Encode(crypto.randomBytes(10)).toLowerCase(); // 16 characters, 80 bits
  return raw.match(/.{4}/g)!.join('-');
}

/** Replaces the user's codes with a new set and returns them (the only time they are seen). */
export async function replaceRecoveryCodes(db: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
  await db.query(
    `INSERT INTO recovery_codes (id, user_id, code_hash) SELECT id, $1, h FROM unnest($2::uuid[], $3::text[]) AS t(id, h)`,
    [userId, codes.map(() => newId()), codes.map((c) => hashCode(userId, c))],
  );
  return codes;
}

export async function deleteRecoveryCodes(db: Queryable, userId: string) {
  await db.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
}

export async function recoveryCodesLeft(db: Queryable, userId: string): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [userId]))[0].n;
}

/** Uses a code: true when it was the user's and unused (it is then used up). */
export async function useRecoveryCode(db: Queryable, userId: string, code: string): Promise<boolean> {
  if (!/^[a-z2-7]{16}$/.test(normalizeRecoveryCode(code))) return false;
  const rows = await db.query(`UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`, [userId, hashCode(userId, code)]);
  return rows.length > 0;
}
