import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** The four headers InPost signs a callback with (reference 5.1). */
export interface CallbackSignatureHeaders {
  'x-signature': string;
  'x-signature-timestamp': string;
  'x-public-key-ver': string;
  'x-public-key-hash': string;
}

/**
 * The emulator's RSA 2048 signing key, playing the key InPost signs its callbacks with, and the
 * signature of reference 5.1 written out step by step (independently of the module's verifier).
 */
export class EmulatorSigningKey {
  /** base64 DER SubjectPublicKeyInfo, as `public_key_base64` (starts `MIIBIjANBg`). */
  readonly publicKeyBase64: string;
  /** Lowercase hex SHA-256 of the `public_key_base64` text: the `x-public-key-hash` header. */
  readonly keyHash: string;
  private readonly privateKey: KeyObject;

  constructor(
    readonly version: string,
    readonly merchantExternalId: string,
  ) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKeyBase64 = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    this.keyHash = createHash('sha256').update(this.publicKeyBase64, 'utf8').digest('hex');
  }

  /** The signature headers for the exact body bytes (empty for a GET or DELETE) at `timestamp` (ISO-8601 UTC with ms). */
  headers(body: Buffer | string, timestamp: string): CallbackSignatureHeaders {
    const digest = createHash('sha256').update(body).digest('base64');
    const joined = [digest, this.merchantExternalId, this.version, timestamp].join(',');
    const message = Buffer.from(Buffer.from(joined, 'utf8').toString('base64'), 'ascii');
    return {
      'x-signature': sign('sha256', message, this.privateKey).toString('base64'),
      'x-signature-timestamp': timestamp,
      'x-public-key-ver': this.version,
      'x-public-key-hash': this.keyHash,
    };
  }
}
