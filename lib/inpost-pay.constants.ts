/** InPost's two environments, as named in the module options. */
export type InpostPayEnvironment = 'sandbox' | 'production';

/** Token endpoint and API base URL of each environment (reference section 1). */
export const INPOST_PAY_ENVIRONMENTS: Readonly<
  Record<InpostPayEnvironment, { readonly tokenUrl: string; readonly apiBaseUrl: string }>
> = {
  sandbox: {
    tokenUrl:
      'https://sandbox-login.inpost.pl/auth/realms/external/protocol/openid-connect/token',
    apiBaseUrl: 'https://sandbox-api.inpost.pl',
  },
  production: {
    tokenUrl: 'https://login.inpost.pl/auth/realms/external/protocol/openid-connect/token',
    apiBaseUrl: 'https://api.inpost.pl',
  },
};

/** Injection token of the validated options with defaults applied. */
export const INPOST_PAY_RESOLVED_OPTIONS = Symbol('INPOST_PAY_RESOLVED_OPTIONS');

/** Injection token of the module's own `HttpService` (its own axios instance). */
export const INPOST_PAY_HTTP_SERVICE = Symbol('INPOST_PAY_HTTP_SERVICE');

/** The largest delay `setTimeout` accepts; longer delays are capped and re-armed. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * InPost's proxy addresses, the default callback allow-list. InPost's own table is cut off in the
 * stored docs; these ten are the ones InPost's official WooCommerce plugin accepts. Whether the
 * sandbox uses the same ones is not documented.
 */
export const INPOST_PAY_PROXY_IPS: readonly string[] = Object.freeze([
  '35.240.110.20',
  '35.241.226.162',
  '35.204.76.37',
  '34.76.56.163',
  '34.91.99.254',
  '35.240.60.16',
  '34.76.84.87',
  '35.190.198.36',
  '34.118.93.24',
  '34.116.145.216',
]);

/** Injection token of the registration's `InpostPayStoreHost` (the store and its key names). */
export const INPOST_PAY_STORE_HOST = Symbol('INPOST_PAY_STORE_HOST');

/** Injection token of the compiled callback policy (allow-list, trusted proxies, signature settings). */
export const INPOST_PAY_CALLBACK_POLICY = Symbol('INPOST_PAY_CALLBACK_POLICY');
