import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, createPublicKey } from 'node:crypto';
import { INPOST_PAY_CALLBACK_POLICY, INPOST_PAY_RESOLVED_OPTIONS, INPOST_PAY_STORE_HOST } from '../inpost-pay.constants.js';
import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';
import { SealedCodec } from '../store/sealed-codec.js';
import { InpostPayApiException } from '../errors/inpost-pay-api.exception.js';
import { InpostPayClient } from '../http/inpost-pay.client.js';
import type { SigningKey } from '../models/signing-key.model.js';
import type { InpostPayStoreHost } from '../store/inpost-pay-store.host.js';
import type { CallbackPolicy } from './callback-options.resolver.js';
import { FetchBudget } from './fetch-budget.js';
import { RateLimitedLog } from './rate-limited-log.js';
import type { VerificationKey } from './signature-verifier.js';

interface VersionState {
  key?: VerificationKey;
  fetchedAt?: number;
  /** InPost said it has no such version; not asked again before this time. */
  unknownUntil?: number;
  lastAttemptAt: number;
}

/** Why no key could be had: InPost has no such version, or it could not be asked (down, or over budget). */
export type KeyLookupFailure = 'unknown_version' | 'unavailable';

/** The result of a key lookup; `fresh` when the key was fetched for this lookup. */
export type KeyLookup = { key: VerificationKey; fresh: boolean } | { failure: KeyLookupFailure };

const VERSION_FORMAT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;

/** Versions remembered at most; beyond it the oldest version without a key is forgotten (forged versions cannot grow the map). */
const MAX_VERSIONS = 1_024;


/**
 * InPost's public signing keys, cached per version and fetched through
 * `InpostPayClient.getSigningKey(version)`; with a shared store, a key one instance fetched
 * serves the others until its TTL (sealed under the client secret, so that writing to the store
 * cannot plant a key). A version is asked for at most once per
 * `signingKeyRefetchIntervalSeconds`, unknown versions are remembered for that long, and all
 * fetches share a budget of `signingKeyFetchesPerMinute`, so forged requests cannot make the
 * merchant hammer InPost nor starve the versions InPost really uses.
 */
@Injectable()
export class InpostPaySigningKeyCache {
  private readonly logger = new Logger(InpostPaySigningKeyCache.name);
  private readonly warnings = new RateLimitedLog(this.logger);
  private readonly versions = new Map<string, VersionState>();
  private readonly inFlight = new Map<string, Promise<KeyLookup>>();
  private readonly budget: FetchBudget;
  private readonly codec: SealedCodec;

  constructor(
    private readonly client: InpostPayClient,
    @Inject(INPOST_PAY_CALLBACK_POLICY) private readonly policy: CallbackPolicy,
    @Inject(INPOST_PAY_STORE_HOST) private readonly host: InpostPayStoreHost,
    @Inject(INPOST_PAY_RESOLVED_OPTIONS) options: ResolvedInpostPayOptions,
  ) {
    this.budget = new FetchBudget(policy.signingKeyFetchesPerMinute);
    this.codec = new SealedCodec(options.clientSecret, 'shared signing key');
  }

  /** The key of `version`: cached while younger than the TTL, otherwise fetched. */
  get(version: string): Promise<KeyLookup> {
    const state = this.versions.get(version);
    const now = Date.now();
    if (state?.key && now - state.fetchedAt! < this.policy.signingKeyTtlMs) return Promise.resolve({ key: state.key, fresh: false });
    if (state?.unknownUntil !== undefined && now < state.unknownUntil) return Promise.resolve({ failure: 'unknown_version' });
    return this.fetch(version);
  }

  /**
   * Looks for `version` again after its key hash did not match: a different key another instance
   * put in the shared store, else InPost itself unless it was asked recently.
   */
  refetch(version: string, stale: VerificationKey): Promise<KeyLookup> {
    return this.fetch(version, stale);
  }

  private fetch(version: string, stale?: VerificationKey): Promise<KeyLookup> {
    if (!VERSION_FORMAT.test(version)) return Promise.resolve({ failure: 'unknown_version' });
    const running = this.inFlight.get(version);
    if (running) return running;
    const lookup = this.resolve(version, stale).finally(() => this.inFlight.delete(version));
    this.inFlight.set(version, lookup);
    return lookup;
  }

  private async resolve(version: string, stale?: VerificationKey): Promise<KeyLookup> {
    const shared = await this.sharedKey(version);
    if (shared && shared.key.keyHashHex !== stale?.keyHashHex) return shared;
    const now = Date.now();
    const state = this.versions.get(version);
    const askedRecently = state !== undefined && now - state.lastAttemptAt < this.policy.signingKeyRefetchIntervalMs;
    if (askedRecently || !this.budget.take(now)) return this.fallback(state);
    const next: VersionState = { ...state, lastAttemptAt: now };
    this.versions.set(version, next);
    this.forgetOldestUnknown();
    return this.load(version, next);
  }

  /** The key another instance fetched, from the shared store; not `fresh`, so a hash mismatch still asks InPost. */
  private async sharedKey(version: string): Promise<{ key: VerificationKey; fresh: false } | undefined> {
    const stored = await this.host.store.getWithTtl(this.host.keys.signingKey(version));
    const answer = this.codec.openJson<SigningKey>(stored?.value);
    if (!stored || !answer) return undefined;
    try {
      const key = toVerificationKey(answer);
      const lastAttemptAt = this.versions.get(version)?.lastAttemptAt ?? 0;
      this.versions.set(version, { key, fetchedAt: Date.now() - (this.policy.signingKeyTtlMs - stored.ttlMs), lastAttemptAt });
      return { key, fresh: false };
    } catch {
      return undefined;
    }
  }

  private forgetOldestUnknown(): void {
    if (this.versions.size <= MAX_VERSIONS) return;
    for (const [version, state] of this.versions) {
      if (state.key) continue;
      this.versions.delete(version);
      return;
    }
  }

  private fallback(state: VersionState | undefined): KeyLookup {
    if (state?.key) return { key: state.key, fresh: false };
    if (state?.unknownUntil !== undefined) return { failure: 'unknown_version' };
    return { failure: 'unavailable' };
  }

  private async load(version: string, state: VersionState): Promise<KeyLookup> {
    try {
      const answer = await this.client.getSigningKey(version);
      const key = toVerificationKey(answer);
      const fetchedAt = Date.now();
      this.versions.set(version, { key, fetchedAt, lastAttemptAt: state.lastAttemptAt });
      await this.host.store.set(this.host.keys.signingKey(version), this.codec.sealJson(answer), this.policy.signingKeyTtlMs);
      return { key, fresh: true };
    } catch (error) {
      if (error instanceof InpostPayApiException && (error.status === 404 || error.errorCode === 'PUBLIC_KEY_NOT_FOUND')) {
        this.warnings.write(`InPost has no signing key version ${JSON.stringify(version)} (${error.errorCode ?? `HTTP ${error.status}`})`);
        this.versions.set(version, { lastAttemptAt: state.lastAttemptAt, unknownUntil: Date.now() + this.policy.signingKeyRefetchIntervalMs });
        return { failure: 'unknown_version' };
      }
      this.warnings.write(`InPost signing key ${JSON.stringify(version)} could not be fetched: ${error instanceof Error ? error.message : 'unknown error'}`);
      return this.fallback(state);
    }
  }
}

function toVerificationKey(answer: SigningKey): VerificationKey {
  const base64 = answer.public_key.public_key_base64;
  return {
    publicKey: createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' }),
    keyHashHex: createHash('sha256').update(base64, 'utf8').digest('hex'),
    merchantExternalId: answer.merchant_external_id,
  };
}
