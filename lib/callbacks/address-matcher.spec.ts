import { AddressListError, AddressMatcher, parseStrictAddress } from './address-matcher.js';

describe('AddressMatcher', () => {
  it('matches the ranges of both lists after a union (allowedIps extended by extraAllowedIps)', () => {
    const union = AddressMatcher.compile(['35.240.110.20'], 'callbacks.allowedIps').union(AddressMatcher.compile(['10.0.0.0/8'], 'callbacks.extraAllowedIps'));

    expect(union.size).toBe(2);
    expect(union.matches(parseStrictAddress('35.240.110.20')!)).toBe(true);
    expect(union.matches(parseStrictAddress('10.20.30.40')!)).toBe(true);
    expect(union.matches(parseStrictAddress('11.0.0.1')!)).toBe(false);
  });

  it.each([
    ['010.1.1.1', 'octal-looking IPv4'],
    ['0x7f.0.0.1', 'hex IPv4'],
    ['127.1', 'short IPv4'],
    ['2130706433', 'integer IPv4'],
    ['0.0.0.0/0', 'a /0 range'],
    ['::/0', 'an IPv6 /0 range'],
    ['10.0.0.1:8080', 'a port'],
    ['[::1]:443', 'a bracketed IPv6 with port'],
    ['10.0.0.1/8', 'host bits set'],
    ['10.0.0.0/33', 'a prefix too long'],
    ['10.0.0.0/abc', 'a non-numeric prefix'],
    ['fe80::1%eth0', 'an IPv6 zone'],
    ['localhost', 'a host name'],
    ['', 'an empty entry'],
    ['::127.0.0.2', 'a deprecated IPv4-compatible IPv6 address'],
    ['::ffff:0x7f.0.0.1', 'hex inside an IPv4-mapped address'],
    ['::ffff:0177.0.0.1', 'octal inside an IPv4-mapped address'],
  ])('refuses %s (%s), naming the entry', (entry) => {
    expect(() => AddressMatcher.compile([entry], 'callbacks.allowedIps')).toThrow(AddressListError);
    expect(() => AddressMatcher.compile([entry], 'callbacks.allowedIps')).toThrow(JSON.stringify(entry));
  });

  it('matches single addresses and CIDR ranges of both families, with IPv4-mapped input normalized', () => {
    const matcher = AddressMatcher.compile(['35.240.110.20', '10.1.0.0/16', '2001:db8::/32', '::ffff:192.0.2.1'], 'allowedIps');

    expect(matcher.matches(parseStrictAddress('35.240.110.20')!)).toBe(true);
    expect(matcher.matches(parseStrictAddress('::ffff:35.240.110.20')!)).toBe(true);
    expect(matcher.matches(parseStrictAddress('10.1.200.3')!)).toBe(true);
    expect(matcher.matches(parseStrictAddress('2001:db8:1::5')!)).toBe(true);
    expect(matcher.matches(parseStrictAddress('192.0.2.1')!)).toBe(true);
    expect(matcher.matches(parseStrictAddress('35.240.110.21')!)).toBe(false);
    expect(matcher.matches(parseStrictAddress('10.2.0.1')!)).toBe(false);
    expect(matcher.matches(parseStrictAddress('2001:db9::1')!)).toBe(false);
    expect(parseStrictAddress('::35.240.110.20')).toBeUndefined();
    expect(parseStrictAddress('::7f00:2')!.kind()).toBe('ipv6');
  });

  it('expands the presets only where they are allowed', () => {
    const proxies = AddressMatcher.compile(['loopback', 'uniquelocal'], 'trustedProxies', true);

    expect(proxies.matches(parseStrictAddress('127.0.0.9')!)).toBe(true);
    expect(proxies.matches(parseStrictAddress('::1')!)).toBe(true);
    expect(proxies.matches(parseStrictAddress('172.20.0.1')!)).toBe(true);
    expect(proxies.matches(parseStrictAddress('8.8.8.8')!)).toBe(false);
    expect(() => AddressMatcher.compile(['loopback'], 'allowedIps')).toThrow(AddressListError);
  });
});
