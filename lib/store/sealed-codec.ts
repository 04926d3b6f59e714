import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals values for the shared store with AES-256-GCM under a key derived (HKDF-SHA256) from the
 * client secret and a purpose, so that reading the store without the secret reveals nothing and
 * writing it without the secret forges nothing. Anything that fails to open (another secret or
 * purpose, a tampered or corrupt value) reads as absent.
 */
export class SealedCodec {
  readonly #key: Buffer;

  constructor(clientSecret: string, purpose: string) {
    this.#key = Buffer.from(hkdfSync('sha256', clientSecret, 'nestjs-inpost-pay', purpose, 32));
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  open(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    try {
      const bytes = Buffer.from(value, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** Seals `value` as JSON. */
  sealJson(value: unknown): string {
    return this.seal(JSON.stringify(value));
  }

  /** Opens a sealed JSON value; undefined when it does not open or parse. */
  openJson<T>(value: string | undefined): T | undefined {
    const plain = this.open(value);
    if (plain === undefined) return undefined;
    try {
      return JSON.parse(plain) as T;
    } catch {
      return undefined;
    }
  }
}
