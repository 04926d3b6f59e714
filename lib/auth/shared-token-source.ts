import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { INPOST_PAY_RESOLVED_OPTIONS, INPOST_PAY_STORE_HOST } from '../inpost-pay.constants.js';
import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';
import { InpostPayEndpointException } from '../errors/inpost-pay-endpoint.exception.js';
import type { InpostPayStoreHost } from '../store/inpost-pay-store.host.js';
import { SealedCodec } from '../store/sealed-codec.js';
import { InpostPayTokenEndpoint, type IssuedToken } from './token-endpoint.client.js';
import { planTokenSchedule } from './token-refresh-policy.js';

/** A token as sealed in the shared store; how long it still lives is the store's TTL of the key. */
interface SharedToken {
  /** The access token. */
  readonly t: string;
  /** Its whole lifetime, in ms. */
  readonly l: number;
}

/** A token for the token service, and where it came from. */
export interface ObtainedToken extends IssuedToken {
  readonly source: 'endpoint' | 'store';
}

/** How often an instance waiting for another one's token request looks for its result. */
export const LOCK_POLL_INTERVAL_MS = 25;

/** Extra life of the refresh lock beyond the token request's own timeout. */
const LOCK_GRACE_MS = 2_000;

/**
 * Gets the token service a new token through the store: it takes the token another instance
 * already put there, or else takes the store's refresh lock, asks the token endpoint and shares
 * the result. An instance that finds the lock taken waits for the holder's token, so instances
 * sharing Redis make one token request between them. With the in-memory store this is simply
 * one token request. How long a shared token still lives is read from the store's own TTL, so
 * the instances' clocks need not agree.
 */
@Injectable()
export class SharedTokenSource {
  private readonly codec: SealedCodec;
  private readonly lockTtlMs: number;

  constructor(
    @Inject(INPOST_PAY_RESOLVED_OPTIONS) private readonly options: ResolvedInpostPayOptions,
    @Inject(INPOST_PAY_STORE_HOST) private readonly host: InpostPayStoreHost,
    private readonly endpoint: InpostPayTokenEndpoint,
  ) {
    this.codec = new SealedCodec(options.clientSecret, 'shared access token');
    this.lockTtlMs = options.timeoutMs + LOCK_GRACE_MS;
  }

  /** A usable token other than `replacing` (the token being refreshed or invalidated, if any). */
  async obtain(signal: AbortSignal, replacing?: string): Promise<ObtainedToken> {
    const giveUpAt = performance.now() + 2 * this.lockTtlMs;
    while (performance.now() < giveUpAt) {
      const shared = await this.sharedToken(replacing);
      if (shared) return shared;
      const lock = randomUUID();
      if (await this.host.store.setIfAbsent(this.host.keys.tokenLock(), lock, this.lockTtlMs)) {
        return this.requestUnderLock(signal, lock, replacing);
      }
      await pause(LOCK_POLL_INTERVAL_MS, signal);
    }
    return this.share(await this.endpoint.requestToken(signal));
  }

  /** Removes `token` from the store if it is still the shared one (the API refused it). */
  async forget(token: string): Promise<void> {
    const key = this.host.keys.token();
    const stored = await this.host.store.get(key);
    if (stored !== undefined && this.codec.openJson<SharedToken>(stored)?.t === token) await this.host.store.deleteIfEquals(key, stored);
  }

  private async requestUnderLock(signal: AbortSignal, lock: string, replacing?: string): Promise<ObtainedToken> {
    try {
      return (await this.sharedToken(replacing)) ?? (await this.share(await this.endpoint.requestToken(signal)));
    } finally {
      await this.host.store.deleteIfEquals(this.host.keys.tokenLock(), lock);
    }
  }

  private async sharedToken(replacing?: string): Promise<ObtainedToken | undefined> {
    const stored = await this.host.store.getWithTtl(this.host.keys.token());
    const shared = this.codec.openJson<SharedToken>(stored?.value);
    if (!stored || typeof shared?.t !== 'string' || typeof shared.l !== 'number' || shared.t === replacing) return undefined;
    const issued: IssuedToken = { accessToken: shared.t, sentAt: performance.now() + stored.ttlMs - shared.l, lifetimeMs: shared.l };
    const { usableUntil } = planTokenSchedule(issued.sentAt, issued.lifetimeMs, this.options.tokenRefresh, 0);
    return performance.now() < usableUntil ? { ...issued, source: 'store' } : undefined;
  }

  private async share(issued: IssuedToken): Promise<ObtainedToken> {
    const remainingMs = issued.sentAt + issued.lifetimeMs - performance.now();
    if (remainingMs > 0) {
      const shared: SharedToken = { t: issued.accessToken, l: issued.lifetimeMs };
      await this.host.store.set(this.host.keys.token(), this.codec.sealJson(shared), remainingMs);
    }
    return { ...issued, source: 'endpoint' };
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new InpostPayEndpointException({ failure: 'shutdown' }));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new InpostPayEndpointException({ failure: 'shutdown' }));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    timer.unref();
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
