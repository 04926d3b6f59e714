import { createHash, timingSafeEqual } from 'node:crypto';

/** Leaf values of `value` keyed by dotted path (`eventData.amount.currency`), arrays by index. */
function leaves(value: unknown, path: string, into: [string, string][]): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      leaves(child, path ? `${path}.${key}` : key, into);
    }
    return;
  }
  into.push([path, value === null || value === undefined ? '' : String(value)]);
}

/**
 * The transaction webhook signature (reference 5.5): lowercase hex SHA-512 of the `X-API-Version`
 * value, the `eventType` and `eventData.*` values in alphabetical path order (null as '') and the
 * merchant secret.
 */
export function webhookSignature(apiVersion: string, body: { eventType?: unknown; eventData?: unknown }, secret: string): string {
  const pairs: [string, string][] = [];
  leaves({ eventType: body.eventType, eventData: body.eventData }, '', pairs);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const payload = apiVersion + pairs.map(([, value]) => value).join('') + secret;
  return createHash('sha512').update(payload, 'utf8').digest('hex');
}

/** Constant-time comparison of a received hex signature with the expected one. */
export function webhookSignatureMatches(received: string, expected: string): boolean {
  const given = Buffer.from(received.toLowerCase(), 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
