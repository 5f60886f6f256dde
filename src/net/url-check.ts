/**
 * Checks, without fetching, whether the outbound guard would let Varde fetch a URL: used to refuse
 * a post whose link card would point at a private address before anything is saved.
 */
import dns from 'node:dns/promises';
import net from 'node:net';
import { isAllowed, isPublicAddress } from './address-policy.js';

export type UrlVerdict = { ok: true } | { ok: false; reason: string };

export async function checkUrlAllowed(raw: string, allowHosts: readonly string[]): Promise<UrlVerdict> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'it is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'only http and https links are allowed' };
  if (url.username || url.password) return { ok: false, reason: 'links with a user name or password are not allowed' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? 443 : 80);
  if (isAllowed(host, port, allowHosts)) return { ok: true };
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      // An unresolvable host is not dangerous; the card simply shows no preview.
      return { ok: true };
    }
  }
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked) return { ok: false, reason: `${url.hostname} points to a private or local address (${blocked})` };
  return { ok: true };
}
