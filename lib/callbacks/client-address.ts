import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import { parseStrictAddress, type AddressMatcher, type ParsedAddress } from './address-matcher.js';

/**
 * The address of the client that made `request`: the TCP peer of the raw socket, or, only when
 * that peer is a trusted proxy, the `X-Forwarded-For` entry found by walking the header from the
 * right and stopping at the first address that is not a trusted proxy (proxy-addr's rule).
 * Never the leftmost entry, `X-Real-IP` or a hop count. Undefined when the result is missing or
 * is not a strict IP address.
 */
export function resolveClientAddress(request: IncomingMessage, trustedProxies: AddressMatcher): ParsedAddress | undefined {
  if (!request.socket?.remoteAddress) return undefined;
  const isTrusted = (candidate: string) => {
    const parsed = parseStrictAddress(candidate);
    return parsed !== undefined && trustedProxies.matches(parsed);
  };
  const address = trustedProxies.size === 0 ? request.socket.remoteAddress : proxyAddr(request, isTrusted);
  return parseStrictAddress(address);
}
