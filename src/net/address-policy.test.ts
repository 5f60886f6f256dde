import { describe, expect, it } from 'vitest';
import { compileAllowList, isAllowed, isPublicAddress } from './address-policy.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '127.255.255.254', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1',
    '169.254.169.254', '100.64.0.1', '100.127.255.255', '0.0.0.0', '224.0.0.1', '239.255.255.250',
    '255.255.255.255', '240.0.0.1', '192.0.2.10', '198.18.0.1', '203.0.113.9',
    '::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'ff02::1', 'fec0::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254', '::127.0.0.1',
    '64:ff9b::a00:1', '2002:7f00:1::', '2002:a9fe:a9fe::1', '2001:db8::1', '2001::1', '100::1',
  ])('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    '8.8.8.8', '1.1.1.1', '93.184.216.34', '172.32.0.1', '100.128.0.1', '169.255.0.1', '192.169.0.1',
    '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1',
  ])('allows %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it('refuses what is not an IP literal', () => {
    expect(isPublicAddress('example.com')).toBe(false);
    expect(isPublicAddress('')).toBe(false);
  });
});

describe('isAllowed', () => {
  const list = ['127.0.0.1:4567', 'LocalHost', '[::1]:80', 'intranet.example:8443', 'fd00::5'];

  it('lets a named host through on any port, and a host:port only on that port', () => {
    expect(isAllowed('127.0.0.1', 4567, list)).toBe(true);
    expect(isAllowed('127.0.0.1', 4568, list)).toBe(false);
    expect(isAllowed('localhost', 9999, list)).toBe(true);
    expect(isAllowed('LOCALHOST.', '80', list)).toBe(true);
    expect(isAllowed('[::1]', 80, list)).toBe(true);
    expect(isAllowed('::1', 81, list)).toBe(false);
    expect(isAllowed('intranet.example', 8443, list)).toBe(true);
    expect(isAllowed('intranet.example', 443, list)).toBe(false);
    expect(isAllowed('fd00:0:0:0:0:0:0:5', 1, list)).toBe(true);
  });

  it('allows nothing when the list is empty', () => {
    expect(isAllowed('localhost', 80, [])).toBe(false);
  });

  it('reports a malformed entry instead of ignoring it', () => {
    expect(() => compileAllowList(['http://localhost:80'])).toThrow(/not host/);
    expect(() => compileAllowList(['localhost:99999'])).toThrow(/not host/);
    expect(() => compileAllowList(['[::1'])).toThrow(/not host/);
  });
});
