import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecrets } from '../app/secrets.js';
import { signMediaToken, verifyMediaToken } from './signed-url.js';

const secrets = createSecrets(crypto.randomBytes(32));

describe('signed media URLs', () => {
  it('accepts its own unexpired token', () => {
    const t = signMediaToken(secrets, 'm1', new Date(Date.now() + 60_000));
    expect(verifyMediaToken(secrets, t)).toBe('m1');
  });
  it('refuses an expired, altered or foreign token', () => {
    expect(verifyMediaToken(secrets, signMediaToken(secrets, 'm1', new Date(Date.now() - 1000)))).toBeNull();
    const t = signMediaToken(secrets, 'm1', new Date(Date.now() + 60_000));
    const [body, sig] = t.split('.');
    const other = Buffer.from(Buffer.from(body, 'base64url').toString().replace('m1', 'm2')).toString('base64url');
    expect(verifyMediaToken(secrets, `${other}.${sig}`)).toBeNull();
    expect(verifyMediaToken(createSecrets(crypto.randomBytes(32)), t)).toBeNull();
    expect(verifyMediaToken(secrets, 'garbage')).toBeNull();
  });
});
