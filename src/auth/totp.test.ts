import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, totpCode, verifyTotp } from './totp.js';

describe('TOTP', () => {
  // RFC 6238 appendix B, SHA-1 with the secret "12345678901234567890".
  const secret = base32Encode(Buffer.from('12345678901234567890'));

  it('matches the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(secret, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(secret, 2_000_000_000_000)).toBe('279037');
  });

  it('accepts one step of drift and nothing else', () => {
    const t = 1_234_567_890_000;
    expect(verifyTotp(secret, totpCode(secret, t - 30_000), t)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, t + 30_000), t)).toBe(true);
    expect(verifyTotp(secret, totpCode(secret, t - 90_000), t)).toBe(false);
    expect(verifyTotp(secret, '12345', t)).toBe(false);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });
});
