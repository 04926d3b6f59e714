import { createHash } from 'node:crypto';

/**
 * The names of the module's keys in the store. They carry a hash of the token URL and client id,
 * so apps of different merchants or environments can share one Redis without mixing state.
 */
export class StoreKeys {
  private readonly base: string;

  constructor(keyPrefix: string, tokenUrl: string, clientId: string) {
    const scope = createHash('sha256').update(`${tokenUrl}\n${clientId}`).digest('hex').slice(0, 16);
    this.base = `${keyPrefix}${scope}:`;
  }

  readonly token = (): string => `${this.base}token`;
  readonly tokenLock = (): string => `${this.base}token-lock`;
  readonly replay = (signatureHash: string): string => `${this.base}replay:${signatureHash}`;
  readonly signingKey = (version: string): string => `${this.base}signing-key:${version}`;
  readonly probe = (): string => `${this.base}probe`;
}
