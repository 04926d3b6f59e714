import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** A token as kept in the shared store, with wall-clock times that every instance can read. */
export interface SharedToken {
  readonly accessToken: string;
  /** `Date.now()` at which the token expires (its request's send time plus its lifetime). */
  readonly expiresAtEpochMs: number;
  readonly lifetimeMs: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals tokens for the shared store with AES-256-GCM under a key derived from the client secret,
 * so that reading the store without the secret yields no usable token. Anything that fails to
 * open (another secret, a corrupt value) reads as no token.
 */
export class SharedTokenCodec {
  readonly #key: Buffer;

  constructor(clientSecret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', clientSecret, 'nestjs-inpost-pay', 'shared access token', 32));
  }

  seal(token: SharedToken): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const plain = JSON.stringify({ t: token.accessToken, e: token.expiresAtEpochMs, l: token.lifetimeMs });
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  open(value: string | undefined): SharedToken | undefined {
    if (value === undefined) return undefined;
    try {
      const bytes = Buffer.from(value, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      const { t, e, l } = JSON.parse(plain) as { t?: unknown; e?: unknown; l?: unknown };
      if (typeof t !== 'string' || typeof e !== 'number' || typeof l !== 'number') return undefined;
      return { accessToken: t, expiresAtEpochMs: e, lifetimeMs: l };
    } catch {
      return undefined;
    }
  }
}
