import { InpostPayConfigurationError } from '../errors/inpost-pay-configuration.error.js';
import { MESSAGES } from '../inpost-pay.messages.js';
import type { InpostPayRedisClient } from './redis-store.js';

/** The `store` option after validation, with every default applied. */
export type ResolvedStoreOptions =
  | { readonly type: 'memory' }
  | {
      readonly type: 'redis';
      /** Non-enumerable: the URL may carry a password. */
      readonly url?: string;
      readonly client?: InpostPayRedisClient;
      readonly keyPrefix: string;
      readonly connectTimeoutMs: number;
      readonly commandTimeoutMs: number;
    };

function fail(message: string): never {
  throw new InpostPayConfigurationError(message);
}

function positive(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(MESSAGES.optionNotPositive(option));
  return value;
}

function redisUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') fail(MESSAGES.storeBadUrl());
  return value as string;
}

/** Validates the `store` option; errors name the option and never show the URL (it may hold a password). */
export function resolveStoreOptions(value: unknown): ResolvedStoreOptions {
  if (value === undefined) return { type: 'memory' };
  if (typeof value !== 'object' || value === null) fail(MESSAGES.optionNotObject('store'));
  const options = value as Record<string, unknown>;
  if (options.type === 'memory') return { type: 'memory' };
  if (options.type !== 'redis') fail(MESSAGES.storeUnknownType());
  const hasUrl = options.url !== undefined;
  const hasClient = options.client !== undefined;
  if (hasUrl === hasClient) fail(MESSAGES.storeUrlOrClient());
  if (hasClient && typeof (options.client as { call?: unknown }).call !== 'function') fail(MESSAGES.storeBadClient());
  const keyPrefix = options.keyPrefix ?? 'inpost-pay:';
  if (typeof keyPrefix !== 'string' || keyPrefix === '') fail(MESSAGES.optionEmpty('store.keyPrefix'));
  const resolved = {
    type: 'redis' as const,
    client: hasClient ? (options.client as InpostPayRedisClient) : undefined,
    keyPrefix,
    connectTimeoutMs: positive(options.connectTimeoutMs, 'store.connectTimeoutMs', 2_000),
    commandTimeoutMs: positive(options.commandTimeoutMs, 'store.commandTimeoutMs', 500),
  };
  return Object.defineProperty(resolved, 'url', { value: hasUrl ? redisUrl(options.url) : undefined, enumerable: false });
}
