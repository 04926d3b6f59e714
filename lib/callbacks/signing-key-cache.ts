import { Inject, Injectable } from '@nestjs/common';
import { createHash, createPublicKey } from 'node:crypto';
import { INPOST_PAY_CALLBACK_POLICY } from '../inpost-pay.constants.js';
import { InpostPayApiException } from '../errors/inpost-pay-api.exception.js';
import { InpostPayClient } from '../http/inpost-pay.client.js';
import type { CallbackPolicy } from './callback-options.resolver.js';
import type { VerificationKey } from './signature-verifier.js';

interface CachedKey {
  readonly key: VerificationKey;
  readonly fetchedAt: number;
}

/** Why no key could be had for a version. */
export type KeyLookupFailure = 'unknown_version' | 'rate_limited' | 'unavailable';

/** The result of a key lookup; `fresh` when the key was fetched for this lookup. */
export type KeyLookup = { key: VerificationKey; fresh: boolean } | { failure: KeyLookupFailure };

const VERSION_FORMAT = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * InPost's public signing keys, cached per version. A key is fetched through
 * `InpostPayClient.getSigningKey(version)` when missing or stale, or refetched once after a hash
 * mismatch; all fetches caused by callbacks share one rate limit (one fetch per interval), so
 * forged requests with random versions cannot make the merchant hammer InPost.
 */
@Injectable()
export class InpostPaySigningKeyCache {
  private readonly keys = new Map<string, CachedKey>();
  private readonly inFlight = new Map<string, Promise<KeyLookup>>();
  private lastFetchAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly client: InpostPayClient,
    @Inject(INPOST_PAY_CALLBACK_POLICY) private readonly policy: CallbackPolicy,
  ) {}

  /** The cached key of `version`, fetched when missing or older than the TTL. */
  get(version: string): Promise<KeyLookup> {
    const cached = this.keys.get(version);
    if (cached && Date.now() - cached.fetchedAt < this.policy.signingKeyTtlMs) {
      return Promise.resolve({ key: cached.key, fresh: false });
    }
    return this.fetch(version, cached);
  }

  /** Fetches `version` again (after a hash or signature mismatch), within the rate limit. */
  refetch(version: string): Promise<KeyLookup> {
    return this.fetch(version, undefined);
  }

  private fetch(version: string, stale: CachedKey | undefined): Promise<KeyLookup> {
    if (!VERSION_FORMAT.test(version)) return Promise.resolve({ failure: 'unknown_version' });
    const running = this.inFlight.get(version);
    if (running) return running;
    const now = Date.now();
    if (now - this.lastFetchAt < this.policy.signingKeyRefetchIntervalMs) {
      return Promise.resolve(stale ? { key: stale.key, fresh: false } : { failure: 'rate_limited' });
    }
    this.lastFetchAt = now;
    const lookup = this.load(version, stale).finally(() => this.inFlight.delete(version));
    this.inFlight.set(version, lookup);
    return lookup;
  }

  private async load(version: string, stale: CachedKey | undefined): Promise<KeyLookup> {
    try {
      const answer = await this.client.getSigningKey(version);
      const base64 = answer.public_key.public_key_base64;
      const key: VerificationKey = {
        publicKey: createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' }),
        keyHashHex: createHash('sha256').update(base64, 'utf8').digest('hex'),
        merchantExternalId: answer.merchant_external_id,
      };
      this.keys.set(version, { key, fetchedAt: Date.now() });
      return { key, fresh: true };
    } catch (error) {
      if (error instanceof InpostPayApiException && (error.status === 404 || error.errorCode === 'PUBLIC_KEY_NOT_FOUND')) {
        this.keys.delete(version);
        return { failure: 'unknown_version' };
      }
      return stale ? { key: stale.key, fresh: false } : { failure: 'unavailable' };
    }
  }
}
