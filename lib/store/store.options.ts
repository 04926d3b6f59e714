import type { InpostPayRedisClient } from './redis-store.js';

/**
 * Where the module keeps the state that several instances of the app can share: the access
 * token (and the lock that lets one instance refresh it), seen callback signatures, and signing keys.
 */
export type InpostPayStoreOptions = InpostPayMemoryStoreOptions | InpostPayRedisStoreOptions;

/** This process's memory (the default): nothing is shared between instances. */
export interface InpostPayMemoryStoreOptions {
  type: 'memory';
}

/** Redis, shared by every instance that points at it with the same credentials. */
export interface InpostPayRedisStoreOptions {
  type: 'redis';
  /**
   * `redis://` or `rediss://` URL. The module creates an `ioredis` client (install `ioredis`),
   * waits for it at boot for up to `connectTimeoutMs`, and disconnects it on shutdown.
   * Give either `url` or `client`.
   */
  url?: string;
  /** A client of yours, for example an `ioredis` `Redis`; the module neither connects nor closes it. */
  client?: InpostPayRedisClient;
  /** Prefix of every key the module writes. Default `'inpost-pay:'`. */
  keyPrefix?: string;
  /** How long boot waits for Redis (with `url`) before serving from memory, in ms. Default 2000. */
  connectTimeoutMs?: number;
  /** Longest wait for one Redis command before this instance falls back to its memory, in ms. Default 500. */
  commandTimeoutMs?: number;
}
