import { INPOST_PAY_ENVIRONMENTS, type InpostPayEnvironment } from './inpost-pay.constants.js';
import { InpostPayConfigurationError } from './errors/inpost-pay-configuration.error.js';
import { MESSAGES } from './inpost-pay.messages.js';
import { resolveCallbackPolicy, type CallbackPolicy } from './callbacks/callback-options.resolver.js';
import type { InpostPayModuleOptions } from './inpost-pay.options.js';
import { resolveStoreOptions, type ResolvedStoreOptions } from './store/store-options.resolver.js';

/** The options after validation, with every default applied. */
export interface ResolvedInpostPayOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly environment: InpostPayEnvironment;
  readonly tokenUrl: string;
  /** Without a trailing slash. */
  readonly apiBaseUrl: string;
  readonly timeoutMs: number;
  readonly tokenRefresh: Readonly<Required<NonNullable<InpostPayModuleOptions['tokenRefresh']>>>;
  readonly transactionSecret?: string;
  readonly callbacks: CallbackPolicy;
  readonly store: ResolvedStoreOptions;
}

const REFRESH_DEFAULTS = {
  refreshLeadMs: 120_000,
  refreshJitterMs: 5_000,
  expiryMarginMs: 10_000,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 30_000,
} as const;

const DEFAULT_TIMEOUT_MS = 10_000;

function fail(message: string): never {
  throw new InpostPayConfigurationError(message);
}

function requiredString(value: unknown, option: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(MESSAGES.optionRequired(option));
  return value;
}

function optionalString(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(MESSAGES.optionEmpty(option));
  return value;
}

function httpUrl(value: unknown, option: string): string {
  if (typeof value !== 'string') fail(MESSAGES.optionBadUrl(option));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(MESSAGES.optionBadUrl(option));
  }
  const acceptable =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '';
  if (!acceptable) fail(MESSAGES.optionBadUrl(option));
  return url.href.replace(/\/+$/, '');
}

function duration(value: unknown, option: string, fallback: number, positive = false): number {
  if (value === undefined) return fallback;
  const valid = typeof value === 'number' && Number.isFinite(value) && (positive ? value > 0 : value >= 0);
  if (!valid) fail(positive ? MESSAGES.optionNotPositive(option) : MESSAGES.optionBadNumber(option));
  return value;
}

function environmentOf(value: unknown): InpostPayEnvironment {
  if (value === undefined) return 'sandbox';
  if (value !== 'sandbox' && value !== 'production') fail(MESSAGES.optionUnknownEnvironment('environment'));
  return value;
}

function resolveTokenRefresh(value: unknown): ResolvedInpostPayOptions['tokenRefresh'] {
  if (value !== undefined && (typeof value !== 'object' || value === null)) {
    fail(MESSAGES.optionNotObject('tokenRefresh'));
  }
  const raw = (value ?? {}) as Record<string, unknown>;
  const pick = (key: keyof typeof REFRESH_DEFAULTS, positive = false) =>
    duration(raw[key], `tokenRefresh.${key}`, REFRESH_DEFAULTS[key], positive);
  const resolved = {
    refreshLeadMs: pick('refreshLeadMs', true),
    refreshJitterMs: pick('refreshJitterMs'),
    expiryMarginMs: pick('expiryMarginMs'),
    retryBaseDelayMs: pick('retryBaseDelayMs', true),
    retryMaxDelayMs: pick('retryMaxDelayMs', true),
  };
  if (resolved.retryBaseDelayMs > resolved.retryMaxDelayMs) fail(MESSAGES.retryBoundsReversed());
  if (resolved.refreshLeadMs < 2 * resolved.expiryMarginMs) fail(MESSAGES.leadBelowMargin());
  return resolved;
}

/**
 * Validates the options given to the module and applies the defaults.
 * Throws `InpostPayConfigurationError` naming the first bad option; secret values never appear.
 */
export function resolveInpostPayOptions(options: InpostPayModuleOptions | undefined): ResolvedInpostPayOptions {
  if (typeof options !== 'object' || options === null) fail(MESSAGES.optionsMissing());
  const clientId = requiredString(options.clientId, 'clientId');
  const clientSecret = requiredString(options.clientSecret, 'clientSecret');
  const environment = environmentOf(options.environment);
  const defaults = INPOST_PAY_ENVIRONMENTS[environment];
  const resolved = {
    clientId,
    environment,
    tokenUrl: httpUrl(options.tokenUrl ?? defaults.tokenUrl, 'tokenUrl'),
    apiBaseUrl: httpUrl(options.apiBaseUrl ?? defaults.apiBaseUrl, 'apiBaseUrl'),
    timeoutMs: duration(options.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS, true),
    tokenRefresh: resolveTokenRefresh(options.tokenRefresh),
    callbacks: resolveCallbackPolicy(options.callbacks),
    store: resolveStoreOptions(options.store),
  };
  return withHiddenSecrets(resolved, {
    clientSecret,
    transactionSecret: optionalString(options.transactionSecret, 'transactionSecret'),
  });
}

/** Adds the secrets as non-enumerable properties: `JSON.stringify` and `util.inspect` skip them. */
function withHiddenSecrets<T extends object>(
  target: T,
  secrets: { clientSecret: string; transactionSecret?: string },
): T & { clientSecret: string; transactionSecret?: string } {
  for (const [key, value] of Object.entries(secrets)) {
    Object.defineProperty(target, key, { value, enumerable: false, writable: false });
  }
  return target as T & { clientSecret: string; transactionSecret?: string };
}
