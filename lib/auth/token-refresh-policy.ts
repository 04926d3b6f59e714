import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';

type RefreshTuning = ResolvedInpostPayOptions['tokenRefresh'];

/** When a token stops being handed out and when it is refreshed, on the `performance.now()` clock. */
export interface TokenSchedule {
  /** When the token request was sent plus the token lifetime. */
  readonly expiresAt: number;
  /** The token is handed out while `now < usableUntil`. */
  readonly usableUntil: number;
  /** When the proactive refresh fires. Never before half the lifetime, always before `usableUntil`. */
  readonly refreshAt: number;
}

/**
 * Plans a token's life from the moment its request was sent and its lifetime.
 * `random` is a number in [0, 1) (injected so that tests are exact).
 *
 * - lead: `refreshLeadMs`, but at most 40 % of the lifetime;
 * - jitter: up to `refreshJitterMs`, but at most 10 % of the lifetime, so the refresh lands
 *   between 50 % and 100 % of the lifetime minus the lead;
 * - margin: `expiryMarginMs`, but at most 25 % of the lifetime, and always below the lead.
 */
export function planTokenSchedule(
  sentAt: number,
  lifetimeMs: number,
  tuning: RefreshTuning,
  random: number,
): TokenSchedule {
  const expiresAt = sentAt + lifetimeMs;
  const lead = Math.min(tuning.refreshLeadMs, lifetimeMs * 0.4);
  const jitter = random * Math.min(tuning.refreshJitterMs, lifetimeMs * 0.1);
  const margin = Math.min(tuning.expiryMarginMs, lifetimeMs * 0.25, lead / 2);
  return {
    expiresAt,
    usableUntil: expiresAt - margin,
    refreshAt: expiresAt - lead - jitter,
  };
}

/** The longest `Retry-After` the service obeys; a longer one (a proxy's, say) is cut to this. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Delay before the next token request after `failures` consecutive failures: exponential
 * backoff with full jitter (never below half the base delay, so a failing endpoint is not
 * hammered), or longer when the endpoint asked for more in `Retry-After` (up to 10 minutes).
 */
export function retryDelay(
  failures: number,
  tuning: RefreshTuning,
  random: number,
  retryAfterMs = 0,
): number {
  const ceiling = Math.min(tuning.retryMaxDelayMs, tuning.retryBaseDelayMs * 2 ** Math.max(0, failures - 1));
  const backoff = Math.max(tuning.retryBaseDelayMs / 2, random * ceiling);
  return Math.round(Math.max(backoff, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS)));
}
