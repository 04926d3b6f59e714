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
