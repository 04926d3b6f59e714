import { createHash, timingSafeEqual } from 'node:crypto';

/** The `eventData` fields reference 5.5 lists for the signature, as dotted paths. */
const SIGNED_EVENT_DATA_PATHS = [
  'amount.currency',
  'amount.value',
  'amount.valueInCents',
  'createdDate',
  'eventDateTime',
  'merchantId',
  'operationId',
  'orderReference',
  'payment.id',
  'payment.method',
  'payment.reference',
  'refundReference',
  'settlementId',
  'status',
  'transferReference',
] as const;

function valueAt(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), source);
}

/**
 * The transaction webhook signature (reference 5.5): lowercase hex SHA-512 of the `X-API-Version`
 * value, the listed `eventData.*` values and `eventType` in alphabetical path order (null as ''),
 * and the merchant secret. Fields the body does not carry are left out; unlisted fields never count.
 */
export function webhookSignature(apiVersion: string, body: { eventType?: unknown; eventData?: unknown }, secret: string): string {
  const values: string[] = [];
  for (const path of SIGNED_EVENT_DATA_PATHS) {
    const value = valueAt(body.eventData, path);
    if (value !== undefined) values.push(value === null ? '' : String(value));
  }
  if (body.eventType !== undefined) values.push(body.eventType === null ? '' : String(body.eventType));
  return createHash('sha512').update(apiVersion + values.join('') + secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a received hex signature with the expected one. */
export function webhookSignatureMatches(received: string, expected: string): boolean {
  const given = Buffer.from(received.toLowerCase(), 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
