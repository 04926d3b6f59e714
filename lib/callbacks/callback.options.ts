import type { InpostPayReplayStore } from './replay-store.js';

/** How the module protects the merchant's callback routes (`@InpostPayCallback()`, `@InpostPayWebhook()`). */
export interface InpostPayCallbackOptions {
  /**
   * Addresses and CIDR ranges (IPv4 and IPv6) allowed to call the callback routes. Replaces the
   * default, InPost's proxy addresses (`INPOST_PAY_PROXY_IPS`).
   */
  allowedIps?: string[];
  /** Addresses and ranges allowed in addition to `allowedIps` (or to the default list). */
  extraAllowedIps?: string[];
  /**
   * Reverse proxies in front of the app whose `X-Forwarded-For` is believed: addresses, CIDR
   * ranges, and the presets `loopback`, `linklocal`, `uniquelocal`. Default none: only the TCP peer counts.
   */
  trustedProxies?: string[];
  /** Verify InPost's request signature on `@InpostPayCallback()` routes. Default true. */
  verifySignature?: boolean;
  /** How far `x-signature-timestamp` may be from now, either way, in seconds. Default 240. */
  timestampToleranceSeconds?: number;
  /** Where seen signatures are kept to refuse replays. Default: in this process's memory. */
  replayStore?: InpostPayReplayStore;
  /** How long a fetched signing key is trusted before it is fetched again, in seconds. Default 3600. */
  signingKeyTtlSeconds?: number;
  /**
   * Least time between two fetches of the same key version, in seconds; an unknown version is
   * also remembered this long. Default 10.
   */
  signingKeyRefetchIntervalSeconds?: number;
  /** Most signing key fetches callbacks may cause per minute, all versions together. Default 10. */
  signingKeyFetchesPerMinute?: number;
  /**
   * Secret for the SHA-512 `X-Signature` of transaction webhooks (`@InpostPayWebhook()`), from the
   * merchant panel. Webhook routes answer 500 until it is set.
   */
  webhookSecret?: string;
}
