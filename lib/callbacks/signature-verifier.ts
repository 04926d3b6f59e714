import { createHash, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

/** The four signature headers InPost sends with every callback. */
export interface SignatureHeaders {
  readonly signature: string;
  readonly timestamp: string;
  readonly keyVersion: string;
  readonly keyHash: string;
}

/** A signing key ready for verification. */
export interface VerificationKey {
  readonly publicKey: KeyObject;
  /** Lowercase hex SHA-256 of the `public_key_base64` text. */
  readonly keyHashHex: string;
  readonly merchantExternalId: string;
}

const ISO_UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** base64(SHA-256(body)): step 3 of reference 5.1. */
export function bodyDigest(rawBody: Buffer): string {
  return createHash('sha256').update(rawBody).digest('base64');
}

/** The bytes InPost signs: the ASCII of base64("DIGEST,merchant_external_id,version,timestamp"). */
export function signedMessage(rawBody: Buffer, merchantExternalId: string, keyVersion: string, timestamp: string): Buffer {
  const joined = [bodyDigest(rawBody), merchantExternalId, keyVersion, timestamp].join(',');
  return Buffer.from(Buffer.from(joined, 'utf8').toString('base64'), 'ascii');
}

/** Constant-time comparison of the key hash header with the key's hash. */
export function keyHashMatches(header: string, key: VerificationKey): boolean {
  const given = Buffer.from(header.toLowerCase(), 'utf8');
  const expected = Buffer.from(key.keyHashHex, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** True when the timestamp is an ISO-8601 UTC time within `toleranceMs` of `now`, either way. */
export function timestampFresh(timestamp: string, now: number, toleranceMs: number): boolean {
  if (!ISO_UTC_TIMESTAMP.test(timestamp)) return false;
  const time = Date.parse(timestamp);
  return Number.isFinite(time) && Math.abs(now - time) <= toleranceMs;
}

/**
 * The signature bytes, only when the header is canonical base64 (padding present, unused bits
 * zero): every other spelling of the same bytes is refused, so a replay cannot hide behind one.
 */
export function decodeSignature(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Step 6 of reference 5.1: RSASSA-PKCS1-v1_5 with SHA-256 over the signed message. */
export function signatureValid(rawBody: Buffer, headers: SignatureHeaders, signature: Buffer, key: VerificationKey): boolean {
  const message = signedMessage(rawBody, key.merchantExternalId, headers.keyVersion, headers.timestamp);
  return verify('sha256', message, key.publicKey, signature);
}
