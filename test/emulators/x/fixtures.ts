/**
 * Test material for the X contract tests: Account Activity deliveries signed the way X signs them.
 * (The MP4s they upload come from test/support/mp4.ts.)
 */
import crypto from 'node:crypto';

/** An Account Activity API delivery: the JSON body and X's signature header over its raw bytes. */
export function accountActivityDelivery(consumerSecret: string, payload: unknown) {
  const rawBody = Buffer.from(JSON.stringify(payload));
  const signature = `sha256=${crypto.createHmac('sha256', consumerSecret).update(rawBody).digest('base64')}`;
  return { rawBody, headers: { 'content-type': 'application/json', 'x-twitter-webhooks-signature': signature } };
}
