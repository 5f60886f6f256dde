/**
 * Which addresses server-side requests may reach. Pure rules, no I/O: the guarded HTTP client
 * (guarded-http.ts) applies them to the address it actually connects to, after DNS resolution.
 *
 * Public means globally routable unicast. Everything else is refused unless its host is on the
 * configured allow-list (VARDE_ALLOW_HOSTS): loopback, private, link-local (cloud metadata at
 * 169.254.169.254), CGNAT, unspecified, multicast, broadcast, documentation and benchmarking
 * ranges, and any IPv6 form that embeds one of those (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 */
import { BlockList, isIP } from 'node:net';

/** IPv4 ranges that are not globally reachable (IANA special-purpose registry). */
const NON_PUBLIC_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", incl. 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, incl. cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. 255.255.255.255 broadcast
];

/** Special-purpose ranges inside global unicast 2000::/3 (everything outside it is refused anyway). */
const NON_PUBLIC_V6_IN_GLOBAL: Array<[string, number]> = [
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
];

const blockedV4 = new BlockList();
for (const [net, prefix] of NON_PUBLIC_V4) blockedV4.addSubnet(net, prefix, 'ipv4');
const blockedV6 = new BlockList();
for (const [net, prefix] of NON_PUBLIC_V6_IN_GLOBAL) blockedV6.addSubnet(net, prefix, 'ipv6');
const globalUnicastV6 = new BlockList();
globalUnicastV6.addSubnet('2000::', 3, 'ipv6');

/** true when `ip` is an IP literal that is globally routable unicast; false for anything else. */
export function isPublicAddress(ip: string): boolean {
  const version = isIP(ip);
  if (version === 4) return !blockedV4.check(ip, 'ipv4');
  if (version !== 6) return false;
  const bytes = parseIPv6(ip);
  if (!bytes) return false;
  const embedded = embeddedIPv4(bytes);
  if (embedded !== undefined) return embedded !== null && !blockedV4.check(embedded, 'ipv4');
  const bare = stripZone(ip);
  return globalUnicastV6.check(bare, 'ipv6') && !blockedV6.check(bare, 'ipv6');
}

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one: IPv4-mapped (::ffff:a.b.c.d),
 * NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::). null for IPv4-compatible forms (::a.b.c.d,
 * incl. :: and ::1), which are never routable; undefined when there is none.
 */
function embeddedIPv4(b: Uint8Array): string | null | undefined {
  const zeros = (from: number, to: number) => b.subarray(from, to).every((x) => x === 0);
  const v4 = (at: number) => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(12);
  if (zeros(0, 12)) return null; // IPv4-compatible: deprecated, never routable
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return v4(12);
  if (b[0] === 0x20 && b[1] === 0x02) return v4(2);
  return undefined;
}

function stripZone(ip: string): string {
  const pct = ip.indexOf('%');
  return pct === -1 ? ip : ip.slice(0, pct);
}

/** Parses a valid IPv6 literal (as checked by net.isIP) into its 16 bytes. */
function parseIPv6(ip: string): Uint8Array | null {
  let s = stripZone(ip);
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    const q = tail.split('.').map(Number);
    s = `${s.slice(0, lastColon + 1)}${((q[0] << 8) | q[1]).toString(16)}:${((q[2] << 8) | q[3]).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  const groups = [...head, ...Array<string>(Math.max(0, fill)).fill('0'), ...rest];
  if (groups.length !== 8) return null;
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const g = parseInt(groups[i], 16);
    if (!Number.isInteger(g) || g < 0 || g > 0xffff) return null;
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  }
  return bytes;
}

/** A compiled allow-list: hosts allowed on any port, and host+port pairs. */
export interface AllowList {
  readonly anyPort: ReadonlySet<string>;
  readonly withPort: ReadonlySet<string>;
}

/**
 * Compiles allow-list entries: `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 literal,
 * case-insensitive. Throws on an entry that is none of these, so a typo in VARDE_ALLOW_HOSTS is
 * reported at start rather than silently allowing nothing.
 */
export function compileAllowList(entries: readonly string[]): AllowList {
  const anyPort = new Set<string>();
  const withPort = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const parsed = parseAllowEntry(entry);
    if (!parsed) throw new TypeError(`Allow-list entry "${raw}" is not host, host:port or [ipv6]:port`);
    if (parsed.port === undefined) anyPort.add(parsed.host);
    else withPort.add(`${parsed.host}|${parsed.port}`);
  }
  return { anyPort, withPort };
}

function parseAllowEntry(entry: string): { host: string; port?: number } | null {
  let host: string;
  let portText: string | undefined;
  if (entry.startsWith('[')) {
    const close = entry.indexOf(']');
    if (close === -1) return null;
    host = entry.slice(1, close);
    const after = entry.slice(close + 1);
    if (after && !after.startsWith(':')) return null;
    portText = after ? after.slice(1) : undefined;
    if (isIP(host) !== 6) return null;
  } else {
    const colons = entry.split(':').length - 1;
    if (colons === 1) [host, portText] = entry.split(':');
    else host = entry;
    if (colons > 1 && isIP(host) !== 6) return null;
  }
  if (portText !== undefined && !/^\d{1,5}$/.test(portText)) return null;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (port < 1 || port > 65535)) return null;
  host = normalizeHost(host);
  if (!host || /[/\s@?#]/.test(host)) return null;
  return { host, port };
}

/** Lower-case, no brackets, no trailing dot, IPv6 in the canonical form URL hostnames use. */
function normalizeHost(host: string): string {
  let h = host.toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (isIP(h) === 6) h = new URL(`http://[${stripZone(h)}]/`).hostname.slice(1, -1);
  return h;
}

/** true when `host` (a URL hostname, brackets optional) on `port` is named by the allow-list. */
export function isAllowed(host: string, port: number | string, allowHosts: readonly string[] | AllowList): boolean {
  const list = Array.isArray(allowHosts) ? compileAllowList(allowHosts) : (allowHosts as AllowList);
  if (list.anyPort.size === 0 && list.withPort.size === 0) return false;
  const h = normalizeHost(host);
  return list.anyPort.has(h) || list.withPort.has(`${h}|${Number(port)}`);
}
