import ipaddr from 'ipaddr.js';

/** A parsed IPv4 or IPv6 address. */
export type ParsedAddress = ipaddr.IPv4 | ipaddr.IPv6;

const PRESETS: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** The one IPv6 spelling with an embedded IPv4 address that is accepted: `::ffff:a.b.c.d`. */
const IPV4_MAPPED = /^::ffff:([^:]+)$/i;

/**
 * Parses one address strictly: dotted four-part decimal IPv4 only (no octal, hex or short forms),
 * IPv6 without a zone, and of the IPv6 forms with an embedded IPv4 address only `::ffff:a.b.c.d`
 * (which becomes IPv4). Returns undefined for anything else.
 */
export function parseStrictAddress(text: string): ParsedAddress | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes('.')) {
    const mapped = IPV4_MAPPED.exec(text)?.[1];
    return mapped !== undefined && ipaddr.IPv4.isValidFourPartDecimal(mapped) ? ipaddr.IPv4.parse(mapped) : undefined;
  }
  if (text.includes('%') || !text.includes(':') || !ipaddr.IPv6.isValid(text)) return undefined;
  const address = ipaddr.IPv6.parse(text);
  return address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

type Range = [ParsedAddress, number];

function parseEntry(entry: string): Range | undefined {
  const slash = entry.indexOf('/');
  const address = parseStrictAddress(slash === -1 ? entry : entry.slice(0, slash));
  if (!address) return undefined;
  const maxPrefix = address.kind() === 'ipv4' ? 32 : 128;
  if (slash === -1) return [address, maxPrefix];
  const prefixText = entry.slice(slash + 1);
  const prefix = Number(prefixText);
  const mappedV4 = address.kind() === 'ipv4' && entry.slice(0, slash).includes(':');
  const effective = mappedV4 ? prefix - 96 : prefix;
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || effective < 1 || effective > maxPrefix) return undefined;
  const hostBitsSet = address.toByteArray().some((byte, index) => {
    const bitsKept = Math.max(0, Math.min(8, effective - index * 8));
    return (byte & (0xff >> bitsKept)) !== 0;
  });
  return hostBitsSet ? undefined : [address, effective];
}

/** Thrown for a list entry that is not a strict IP address, CIDR range or known preset. */
export class AddressListError extends Error {
  constructor(
    readonly option: string,
    readonly entry: string,
  ) {
    super(
      `InpostPayModule: option "${option}" has an invalid entry ${JSON.stringify(entry.slice(0, 80))}: ` +
        'use dotted-decimal IPv4 or IPv6 addresses, or CIDR ranges with a prefix from /1 and no host bits set (no ports, no /0).',
    );
  }
}

/** A list of addresses and ranges compiled once, matched against parsed addresses. */
export class AddressMatcher {
  private constructor(private readonly ranges: readonly Range[]) {}

  /**
   * Compiles `entries` (addresses, CIDR ranges, and the presets `loopback`, `linklocal`,
   * `uniquelocal` when `allowPresets`), throwing `AddressListError` naming the first bad entry.
   */
  static compile(entries: readonly unknown[], option: string, allowPresets = false): AddressMatcher {
    const ranges: Range[] = [];
    for (const entry of entries) {
      if (typeof entry !== 'string') throw new AddressListError(option, String(entry));
      const preset = allowPresets && Object.hasOwn(PRESETS, entry) ? PRESETS[entry] : undefined;
      const expanded = preset ?? [entry.trim()];
      for (const item of expanded) {
        const range = parseEntry(item);
        if (!range) throw new AddressListError(option, entry);
        ranges.push(range);
      }
    }
    return new AddressMatcher(ranges);
  }

  /** One matcher for the ranges of both. */
  union(other: AddressMatcher): AddressMatcher {
    return new AddressMatcher([...this.ranges, ...other.ranges]);
  }

  /** Number of compiled ranges. */
  get size(): number {
    return this.ranges.length;
  }

  /** True when `address` lies in one of the ranges. */
  matches(address: ParsedAddress): boolean {
    const kind = address.kind();
    for (const [network, prefix] of this.ranges) {
      if (network.kind() === kind && (address as ipaddr.IPv4).match(network as ipaddr.IPv4, prefix)) return true;
    }
    return false;
  }
}
