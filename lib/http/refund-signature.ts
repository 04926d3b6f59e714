import { createHash } from 'node:crypto';

/**
 * The values of `body` in alphanumeric key order, depth first; `null` and `undefined` as ''.
 * How InPost flattens nested fields is not documented: nested objects are walked the same way.
 */
function orderedValues(value: unknown): string[] {
  if (value === null || value === undefined) return [''];
  if (Array.isArray(value)) return value.flatMap(orderedValues);
  if (typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .flatMap((key) => orderedValues((value as Record<string, unknown>)[key]));
  }
  return [String(value)];
}

/**
 * Signature of a refund request (reference 5.4): lowercase hex SHA-512 of the command id, the
 * transaction id, the body values in alphanumeric key order and the transaction secret.
 */
export function signRefund(
  commandId: string,
  transactionId: string,
  body: Record<string, unknown>,
  transactionSecret: string,
): string {
  const payload = [commandId, transactionId, ...orderedValues(body), transactionSecret].join('');
  return createHash('sha512').update(payload, 'utf8').digest('hex');
}
