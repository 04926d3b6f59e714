import type { InpostPayCallbackOptions } from './callbacks/callback.options.js';
import type { InpostPayEnvironment } from './inpost-pay.constants.js';
import type { InpostPayStoreOptions } from './store/store.options.js';

/** Options of `InpostPayModule.forRoot()` and of the factory given to `forRootAsync()`. */
export interface InpostPayModuleOptions {
  /** OAuth2 client id issued by InPost (sandbox) or generated in the merchant panel (production). Required. */
  clientId: string;
  /** OAuth2 client secret paired with `clientId`. Required; never logged or put in an error. */
  clientSecret: string;
  /** Which InPost environment to talk to; picks `tokenUrl` and `apiBaseUrl`. Default `'sandbox'`. */
  environment?: InpostPayEnvironment;
  /** Overrides the environment's OAuth2 token endpoint (absolute http(s) URL). */
  tokenUrl?: string;
  /** Overrides the environment's InPost Pay API base URL (absolute http(s) URL). */
  apiBaseUrl?: string;
  /** Timeout of every HTTP request the module makes (token and API), in ms. Default 10000. */
  timeoutMs?: number;
  /** Proactive token refresh tuning; the defaults suit InPost's 300 s tokens. */
  tokenRefresh?: InpostPayTokenRefreshOptions;
  /**
   * The merchant's transaction API secret from the merchant panel (not the OAuth2 client secret).
   * Needed only by `InpostPayClient.refundTransaction()`, which signs refunds with it.
   */
  transactionSecret?: string;
  /** Protection of the callback routes: IP allow-list, trusted proxies, signature checks. */
  callbacks?: InpostPayCallbackOptions;
  /**
   * Where the access token, seen callback signatures and signing keys are kept. Default
   * `{ type: 'memory' }`; `{ type: 'redis', url }` shares them between the app's instances.
   */
  store?: InpostPayStoreOptions;
}

/** How the token service refreshes the access token ahead of its expiry. */
export interface InpostPayTokenRefreshOptions {
  /**
   * How long before expiry the proactive refresh fires, in ms. For short tokens the lead is
   * capped so that a refresh never comes earlier than half the token lifetime. Default 120000.
   */
  refreshLeadMs?: number;
  /**
   * Random extra lead added to each refresh so that many instances do not refresh together, in ms.
   * Capped at a tenth of the token lifetime. Default 5000.
   */
  refreshJitterMs?: number;
  /**
   * A cached token is no longer handed out this long before its expiry (covers network delay and
   * clock drift), in ms. Capped at a quarter of the token lifetime and at half the refresh lead,
   * so the refresh always comes first. Default 10000.
   */
  expiryMarginMs?: number;
  /** First retry delay after a failed token request, doubled on each failure, in ms. Default 1000. */
  retryBaseDelayMs?: number;
  /**
   * Largest retry delay after failed token requests, in ms. A longer `Retry-After` from the
   * endpoint is obeyed, up to 10 minutes. Default 30000.
   */
  retryMaxDelayMs?: number;
}
