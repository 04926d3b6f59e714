import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InpostPayConfigurationError } from '../errors/inpost-pay-configuration.error.js';
import { MESSAGES } from '../inpost-pay.messages.js';
import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';
import { FallbackStore } from './fallback-store.js';
import { InMemoryStore } from './in-memory-store.js';
import type { InpostPayStore } from './inpost-pay-store.js';
import { RedisStore, type InpostPayRedisClient } from './redis-store.js';
import { StoreKeys } from './store-keys.js';

/** Where shared state lives right now: memory by configuration, Redis, or memory because Redis is out of reach. */
export type InpostPayStoreStatus = 'memory' | 'redis' | 'redis-unreachable';

interface OwnedRedisClient extends InpostPayRedisClient {
  connect(): Promise<void>;
  disconnect(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * The store of one module registration, with its key names. Creates and owns the Redis client
 * when the options give a URL (disconnected on shutdown); a client given by the app stays the app's.
 */
export class InpostPayStoreHost implements OnApplicationShutdown {
  private constructor(
    readonly store: InpostPayStore,
    readonly keys: StoreKeys,
    private readonly fallback?: FallbackStore,
    private readonly ownedClient?: OwnedRedisClient,
  ) {}

  /** Builds the store the options ask for; with a Redis URL, waits for the connection up to `connectTimeoutMs`. */
  static async create(options: ResolvedInpostPayOptions): Promise<InpostPayStoreHost> {
    const config = options.store;
    if (config.type === 'memory') return new InpostPayStoreHost(new InMemoryStore(), new StoreKeys('', options.tokenUrl, options.clientId));
    const keys = new StoreKeys(config.keyPrefix, options.tokenUrl, options.clientId);
    const logger = new Logger('InpostPayStore');
    const owned = config.url === undefined ? undefined : await createRedisClient(config.url, config);
    const fallback = new FallbackStore(new RedisStore(config.client ?? owned!, config.commandTimeoutMs), logger);
    if (owned) await connect(owned, config.connectTimeoutMs).catch((error: unknown) => fallback.markUnreachable(error));
    return new InpostPayStoreHost(fallback, keys, fallback, owned);
  }

  /** Asks the store once (a read of a key nobody writes), so that `status` reflects Redis as it is now. */
  async probe(): Promise<InpostPayStoreStatus> {
    await this.store.get(this.keys.probe());
    return this.status;
  }

  /** True when the store is shared with other instances (Redis), even while it is out of reach. */
  get isShared(): boolean {
    return this.fallback !== undefined;
  }

  /** Where shared state lived at the last command. */
  get status(): InpostPayStoreStatus {
    if (!this.fallback) return 'memory';
    return this.fallback.isDegraded ? 'redis-unreachable' : 'redis';
  }

  onApplicationShutdown(): void {
    this.fallback?.silence();
    this.ownedClient?.disconnect();
  }
}

async function createRedisClient(
  url: string,
  config: { connectTimeoutMs: number; commandTimeoutMs: number },
): Promise<OwnedRedisClient> {
  let Redis: new (url: string, options: object) => OwnedRedisClient;
  try {
    ({ Redis } = (await import('ioredis')) as unknown as { Redis: typeof Redis });
  } catch {
    throw new InpostPayConfigurationError(MESSAGES.ioredisMissing());
  }
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: config.connectTimeoutMs,
    commandTimeout: config.commandTimeoutMs,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  });
  client.on('error', () => undefined);
  return client;
}

function connect(client: OwnedRedisClient, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('connection timed out')), timeoutMs);
  });
  return Promise.race([client.connect(), timeout]).finally(() => clearTimeout(timer));
}
