import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** An RSA key pair playing InPost's signing key, and the headers InPost would send. */
export class InpostSigner {
  readonly privateKey: KeyObject;
  readonly publicKeyBase64: string;

  constructor(
    readonly version = 'v1',
    readonly merchantExternalId = 'merchant-ext-1',
  ) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKeyBase64 = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  }

  get keyHash(): string {
    return createHash('sha256').update(this.publicKeyBase64).digest('hex');
  }

  /** The four signature headers for `body`, written out from reference 5.1 step by step. */
  headers(body: string | Buffer, overrides: { timestamp?: string; version?: string } = {}): Record<string, string> {
    const timestamp = overrides.timestamp ?? new Date().toISOString();
    const version = overrides.version ?? this.version;
    const digest = createHash('sha256').update(body).digest('base64');
    const joined = `${digest},${this.merchantExternalId},${version},${timestamp}`;
    const message = Buffer.from(Buffer.from(joined).toString('base64'), 'ascii');
    return {
      'x-signature': sign('sha256', message, this.privateKey).toString('base64'),
      'x-signature-timestamp': timestamp,
      'x-public-key-ver': version,
      'x-public-key-hash': this.keyHash,
    };
  }
}
