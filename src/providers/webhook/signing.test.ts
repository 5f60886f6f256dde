import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, isValidWebhookSecret, signWebhook, verifyWebhook, webhookSecretKey } from './signing.js';

// The example from the Standard Webhooks specification.
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const specHeaders = { 'webhook-id': SPEC.id, 'webhook-timestamp': String(SPEC.timestamp), 'webhook-signature': SPEC.signature };
const atSpecTime = { now: SPEC.timestamp * 1000 };

describe('signWebhook', () => {
  it('matches the specification example', () => {
    expect(signWebhook(SPEC.secret, SPEC.id, SPEC.timestamp, SPEC.body)).toBe(SPEC.signature);
  });

  it('agrees with the algorithm computed independently', () => {
    const key = Buffer.from(SPEC.secret.split('_')[1], 'base64');
    const independent = createHmac('sha256', key).update(`${SPEC.id}.${SPEC.timestamp}.${SPEC.body}`).digest('base64');
    expect(`v1,${independent}`).toBe(SPEC.signature);
  });

  it('uses a raw text secret as its UTF-8 bytes', () => {
    const expected = createHmac('sha256', Buffer.from('pässword', 'utf8')).update('id.1.{}').digest('base64');
    expect(signWebhook('pässword', 'id', 1, '{}')).toBe(`v1,${expected}`);
    expect(webhookSecretKey('pässword')).toEqual(Buffer.from('pässword', 'utf8'));
  });
});

describe('verifyWebhook', () => {
  it('accepts the specification example', () => {
    expect(verifyWebhook(SPEC.secret, specHeaders, SPEC.body, atSpecTime)).toEqual({ ok: true, id: SPEC.id, timestamp: SPEC.timestamp });
  });

  it('accepts any one of several signatures and ignores other versions', () => {
    const headers = { ...specHeaders, 'webhook-signature': `v1a,abc v1,bm90IGl0 ${SPEC.signature}` };
    expect(verifyWebhook(SPEC.secret, headers, SPEC.body, atSpecTime).ok).toBe(true);
  });

  it('refuses a changed body, a wrong secret and a missing header', () => {
    expect(verifyWebhook(SPEC.secret, specHeaders, '{"test": 1}', atSpecTime)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook(generateWebhookSecret(), specHeaders, SPEC.body, atSpecTime)).toMatchObject({ ok: false, reason: 'bad_signature' });
    const { 'webhook-id': _, ...noId } = specHeaders;
    expect(verifyWebhook(SPEC.secret, noId, SPEC.body, atSpecTime)).toMatchObject({ ok: false, reason: 'missing_headers' });
  });

  it('refuses timestamps outside the tolerance', () => {
    const late = { now: (SPEC.timestamp + 301) * 1000 };
    expect(verifyWebhook(SPEC.secret, specHeaders, SPEC.body, late)).toMatchObject({ ok: false, reason: 'expired' });
    expect(verifyWebhook(SPEC.secret, specHeaders, SPEC.body, { ...late, toleranceSec: 600 }).ok).toBe(true);
    const early = { now: new Date((SPEC.timestamp - 400) * 1000) };
    expect(verifyWebhook(SPEC.secret, specHeaders, SPEC.body, early)).toMatchObject({ ok: false, reason: 'expired' });
    const garbled = { ...specHeaders, 'webhook-timestamp': '16142x' };
    expect(verifyWebhook(SPEC.secret, garbled, SPEC.body, atSpecTime)).toMatchObject({ ok: false, reason: 'bad_timestamp' });
  });

  it('reads fetch Headers and raw bytes too', () => {
    const headers = new Headers(specHeaders);
    expect(verifyWebhook(SPEC.secret, headers, Buffer.from(SPEC.body), atSpecTime).ok).toBe(true);
  });
});

describe('secrets', () => {
  it('generates standard secrets of 32 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(secret)).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('validates the whsec_ form', () => {
    expect(isValidWebhookSecret(SPEC.secret)).toBe(true);
    expect(isValidWebhookSecret('plain text secret')).toBe(true);
    expect(isValidWebhookSecret('whsec_')).toBe(false);
    expect(isValidWebhookSecret('whsec_not base64!')).toBe(false);
    expect(isValidWebhookSecret('')).toBe(false);
  });
});
