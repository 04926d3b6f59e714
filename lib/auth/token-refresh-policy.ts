import { MAX_TIMER_DELAY_MS } from '../inpost-pay.constants.js';
import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';

type RefreshTuning = ResolvedInpostPayOptions['tokenRefresh'];

/** When a token stops being handed out and when it is refreshed, all in epoch ms. */
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

/**
 * Delay before the next token request after `failures` consecutive failures: exponential
 * backoff with full jitter, or exactly what the endpoint asked for in `Retry-After`.
 */
export function retryDelay(
  failures: number,
  tuning: RefreshTuning,
  random: number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_TIMER_DELAY_MS);
  const ceiling = Math.min(tuning.retryMaxDelayMs, tuning.retryBaseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(random * ceiling);
}
