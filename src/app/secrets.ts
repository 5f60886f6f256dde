/**
 * Encryption of network credentials at rest: AES-256-GCM with a key from VARDE_SECRET_KEY, or
 * generated into the data directory on first start. The database keeps a check value so that a
 * process started with a different key refuses to run instead of failing at publish time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../db/client.js';

export interface Secrets {
  encrypt(value: unknown): string;
  decrypt<T = unknown>(sealed: string): T;
  /** HMAC-SHA256 of `data` under a key derived for `purpose` (signed URLs, review links), base64url. */
  mac(purpose: string, data: string): string;
}

export function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('VARDE_SECRET_KEY must be 32 bytes (64 hex characters or base64)');
  return key;
}

/** Returns the configured key, or the one in `<dataDir>/secret.key`, creating it (mode 0600) when missing. */
export function loadOrCreateKey(configured: string | undefined, dataDir: string): { key: Buffer; generated: boolean; file?: string } {
  if (configured) return { key: parseKey(configured), generated: false };
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return { key: parseKey(fs.readFileSync(file, 'utf8')), generated: false, file };
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, generated: true, file };
}

export function createSecrets(key: Buffer): Secrets {
  const macKeys = new Map<string, Buffer>();
  const macKey = (purpose: string) => {
    let k = macKeys.get(purpose);
    if (!k) macKeys.set(purpose, (k = crypto.createHmac('sha256', key).update(`varde:${purpose}`).digest()));
    return k;
  };
  return {
    mac(purpose, data) {
      return crypto.createHmac('sha256', macKey(purpose)).update(data).digest('base64url');
    },
    encrypt(value) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
    },
    decrypt<T>(sealed: string): T {
      if (!sealed.startsWith('v1:')) throw new Error('Unknown secret format');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const pt = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      return JSON.parse(pt.toString('utf8')) as T;
    },
  };
}

export class SecretKeyMismatchError extends Error {
  constructor() {
    super('VARDE_SECRET_KEY is not the key this database was set up with: stored channel credentials cannot be decrypted. Start every process with the same key.');
  }
}

/** Stores a check value on first use; afterwards verifies the key opens it. */
export async function verifyKey(db: Queryable, secrets: Secrets): Promise<void> {
  const rows = await db.query<{ value: { sealed: string } }>(`SELECT value FROM instance_settings WHERE key = 'secret_check'`);
  if (rows.length === 0) {
    await db.query(`INSERT INTO instance_settings (key, value) VALUES ('secret_check', $1::jsonb) ON CONFLICT (key) DO NOTHING`, [
      JSON.stringify({ sealed: secrets.encrypt('varde') }),
    ]);
    return verifyKey(db, secrets);
  }
  try {
    if (secrets.decrypt(rows[0].value.sealed) !== 'varde') throw new Error();
  } catch {
    throw new SecretKeyMismatchError();
  }
}
