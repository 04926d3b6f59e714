import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { INPOST_PAY_RESOLVED_OPTIONS } from '../inpost-pay.constants.js';
import { MESSAGES } from '../inpost-pay.messages.js';
import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';
import { InpostPayConfigurationError } from '../errors/inpost-pay-configuration.error.js';
import { InpostPayEndpointException } from '../errors/inpost-pay-endpoint.exception.js';
import { InpostPayEvents } from '../events/inpost-pay-events.js';
import { RefreshTimer } from './refresh-timer.js';
import { SharedTokenSource } from './shared-token-source.js';
import { planTokenSchedule, retryDelay, type TokenSchedule } from './token-refresh-policy.js';

interface CachedToken extends TokenSchedule {
  readonly value: string;
}

interface RecentFailure {
  readonly error: InpostPayEndpointException;
  /**
   * Until then callers without a usable token get `error` at once instead of a new request: one
   * `retryBaseDelayMs` (or the endpoint's `Retry-After`), so that a recovered endpoint serves the
   * next caller soon even while the backoff timer is far off.
   */
  readonly retryAt: number;
}

/**
 * Holds the OAuth2 access token for the InPost Pay API: fetched on first use, refreshed ahead of
 * expiry by one timeout in the host's `SchedulerRegistry`, one request at a time however many
 * callers wait, never handed out once expired. Times are kept on the monotonic
 * `performance.now()` clock, so a wall-clock jump cannot revive an expired token.
 */
@Injectable()
export class InpostPayTokenService implements OnModuleDestroy {
  private readonly logger = new Logger(InpostPayTokenService.name);
  private readonly timer: RefreshTimer;
  private readonly shutdown = new AbortController();
  #current?: CachedToken;
  #inFlight?: Promise<CachedToken>;
  /** The last token handed out, even once dropped: a refresh must bring another one. */
  #previous?: string;
  private recentFailure?: RecentFailure;
  private consecutiveFailures = 0;
  private credentialsErrorLogged = false;
  /** 401-driven drops: a drop within `dropCooldownMs` of the last one is refused; the cooldown doubles while they keep coming. */
  private lastDropAt = Number.NEGATIVE_INFINITY;
  private dropCooldownMs = 0;
  private dropStreak = 0;

  constructor(
    @Inject(INPOST_PAY_RESOLVED_OPTIONS) private readonly options: ResolvedInpostPayOptions,
    private readonly source: SharedTokenSource,
    private readonly events: InpostPayEvents,
    @Optional() schedulerRegistry?: SchedulerRegistry,
  ) {
    if (!schedulerRegistry) throw new InpostPayConfigurationError(MESSAGES.scheduleModuleMissing());
    this.timer = new RefreshTimer(schedulerRegistry, `inpost-pay:token-refresh:${randomUUID()}`);
  }

  /**
   * Resolves to a valid access token: the cached one while it is usable, otherwise the result of
   * the one token request in flight (started if none is). Rejects with
   * `InpostPayEndpointException` when no usable token can be had; while a failed request waits
   * for its retry, callers get that error at once. After shutdown it rejects at once.
   */
  async getBearerToken(): Promise<string> {
    if (this.shutdown.signal.aborted) throw new InpostPayEndpointException({ failure: 'shutdown' });
    const now = performance.now();
    const current = this.#current;
    if (current && now < current.usableUntil) return current.value;
    if (!this.#inFlight && this.recentFailure && now < this.recentFailure.retryAt) {
      throw this.recentFailure.error;
    }
    return (await this.refresh()).value;
  }

  /**
   * Drops the cached token if it is still `token` (for example after the API answered 401 to it),
   * here and in the shared store, so that the next `getBearerToken()` fetches a new one. A newer
   * token is left alone. Resolves whether a call refused with `token` is worth retrying: true when
   * the token was dropped now or was replaced already; false when the API refused tokens again
   * within `tokenRefresh.retryBaseDelayMs` of the last drop (doubling, up to `retryMaxDelayMs`,
   * while refusals keep coming), so an API that refuses every token costs no token request per call.
   */
  invalidate(token: string): boolean {
    if (this.#current?.value !== token) return true;
    const now = performance.now();
    if (now - this.lastDropAt < this.dropCooldownMs) return false;
    const { retryBaseDelayMs, retryMaxDelayMs } = this.options.tokenRefresh;
    this.dropStreak = now - this.lastDropAt < 2 * this.dropCooldownMs ? this.dropStreak + 1 : 0;
    this.dropCooldownMs = Math.min(retryMaxDelayMs, retryBaseDelayMs * 2 ** this.dropStreak);
    this.lastDropAt = now;
    this.#current = undefined;
    this.source.forget(token).catch(() => undefined);
    return true;
  }

  onModuleDestroy(): void {
    this.shutdown.abort();
    this.timer.clear();
  }

  private refresh(): Promise<CachedToken> {
    this.#inFlight ??= this.fetchToken().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  private async fetchToken(): Promise<CachedToken> {
    try {
      const issued = await this.source.obtain(this.shutdown.signal, this.#current?.value ?? this.#previous);
      const schedule = planTokenSchedule(issued.sentAt, issued.lifetimeMs, this.options.tokenRefresh, Math.random());
      const now = performance.now();
      if (now >= schedule.usableUntil) throw new InpostPayEndpointException({ failure: 'expired_on_arrival' });
      this.#current = { value: issued.accessToken, ...schedule };
      this.#previous = issued.accessToken;
      this.onSuccess();
      this.events.emit({ type: 'token.refreshed', source: issued.source, lifetimeMs: issued.lifetimeMs });
      const soonest = now + Math.min(this.options.tokenRefresh.retryBaseDelayMs, schedule.usableUntil - now) / 2;
      this.rearm(Math.max(schedule.refreshAt, soonest));
      return this.#current;
    } catch (error) {
      throw this.onFailure(error);
    }
  }

  private onSuccess(): void {
    if (this.consecutiveFailures > 0) this.logger.log(MESSAGES.tokenRecovered());
    this.consecutiveFailures = 0;
    this.recentFailure = undefined;
    this.credentialsErrorLogged = false;
  }

  private onFailure(cause: unknown): InpostPayEndpointException {
    const error =
      cause instanceof InpostPayEndpointException ? cause : new InpostPayEndpointException({ failure: 'network' });
    if (this.shutdown.signal.aborted) return error;
    this.consecutiveFailures += 1;
    const delay = retryDelay(this.consecutiveFailures, this.options.tokenRefresh, Math.random(), error.retryAfterMs);
    const now = performance.now();
    const { retryBaseDelayMs } = this.options.tokenRefresh;
    this.recentFailure = { error, retryAt: now + Math.min(delay, Math.max(retryBaseDelayMs, error.retryAfterMs ?? 0)) };
    this.rearm(now + delay);
    const tokenStillUsable = this.#current !== undefined && now < this.#current.usableUntil;
    this.report(error, delay, tokenStillUsable);
    this.events.emit({
      type: 'token.refresh_failed',
      failure: error.failure,
      status: error.status,
      error: error.error,
      retryInMs: delay,
      tokenStillUsable,
    });
    return error;
  }

  private report(error: InpostPayEndpointException, delay: number, keepsToken: boolean): void {
    if (!error.isCredentialsRejected) {
      this.logger.warn(MESSAGES.tokenRefreshFailed(error.message, delay, keepsToken));
      return;
    }
    if (this.credentialsErrorLogged) return;
    this.credentialsErrorLogged = true;
    this.logger.error(MESSAGES.credentialsRejected(this.options.environment, error.error ?? `HTTP ${error.status}`));
  }

  private rearm(at: number): void {
    if (this.shutdown.signal.aborted) return;
    this.timer.arm(at, () => {
      this.refresh().catch(() => undefined);
    });
  }
}
