import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';

/** What the interceptor needs from the token service. */
export interface BearerTokenSource {
  getBearerToken(): Promise<string>;
  /** Drops `token`; false when retrying with a new token is not worth it. */
  invalidate(token: string): boolean;
}

interface MarkedRequestConfig extends InternalAxiosRequestConfig {
  inpostPayToken?: string;
  inpostPayRetried?: boolean;
}

const ABSOLUTE_URL = /^[a-z][a-z\d+\-.]*:\/\//i;

/** True when the request goes to `apiBaseUrl` itself or below it (not merely a longer host name). */
export function targetsApi(config: InternalAxiosRequestConfig, apiBaseUrl: string): boolean {
  const url = config.url ?? '';
  const full = ABSOLUTE_URL.test(url)
    ? url
    : `${(config.baseURL ?? '').replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
  if (!full.startsWith(apiBaseUrl)) return false;
  const next = full.charAt(apiBaseUrl.length);
  return next === '' || next === '/' || next === '?' || next === '#';
}

/**
 * Installs the bearer interceptor on `instance` (the module's own axios instance): adds
 * `Authorization: Bearer <token>` to requests for `apiBaseUrl`, and on a 401 answer drops that
 * token, fetches a fresh one and retries the request once (unless the token service declines the
 * drop because the API keeps refusing tokens).
 */
export function installBearerInterceptor(
  instance: AxiosInstance,
  tokens: BearerTokenSource,
  apiBaseUrl: string,
): void {
  instance.interceptors.request.use(async (config: MarkedRequestConfig) => {
    if (!targetsApi(config, apiBaseUrl)) return config;
    const token = await tokens.getBearerToken();
    config.headers.set('Authorization', `Bearer ${token}`);
    config.inpostPayToken = token;
    return config;
  });

  instance.interceptors.response.use(undefined, async (error: unknown) => {
    if (!axios.isAxiosError(error) || error.response?.status !== 401) throw error;
    const config = error.config as MarkedRequestConfig | undefined;
    if (!config?.inpostPayToken || config.inpostPayRetried) throw error;
    if (!tokens.invalidate(config.inpostPayToken)) throw error;
    config.inpostPayRetried = true;
    return instance.request(config);
  });
}
