import type { InpostPayStore, StoredValue } from './inpost-pay-store.js';

/**
 * The part of a Redis client the store uses: ioredis's `call(command, args)`. Any client with
 * this method works; an `ioredis` `Redis` instance has it.
 */
export interface InpostPayRedisClient {
  call(command: string, args: (string | number)[]): Promise<unknown>;
}

const GET_WITH_TTL = "local value = redis.call('GET', KEYS[1]) if not value then return nil end return {value, redis.call('PTTL', KEYS[1])}";
const DELETE_IF_EQUALS = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

/** Raised when Redis did not answer a command within the store's command timeout. */
export class RedisCommandTimeoutError extends Error {
  override readonly name = 'RedisCommandTimeoutError';
}

/**
 * The store on Redis. Every command is bounded by `commandTimeoutMs` whatever the client's own
 * settings, so a hung or unreachable Redis costs a request at most that long.
 */
export class RedisStore implements InpostPayStore {
  constructor(
    private readonly client: InpostPayRedisClient,
    private readonly commandTimeoutMs: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const value = await this.send('GET', [key]);
    return typeof value === 'string' ? value : undefined;
  }

  async getWithTtl(key: string): Promise<StoredValue | undefined> {
    const answer = await this.send('EVAL', [GET_WITH_TTL, 1, key]);
    if (!Array.isArray(answer) || typeof answer[0] !== 'string' || typeof answer[1] !== 'number' || answer[1] < 0) return undefined;
    return { value: answer[0], ttlMs: answer[1] };
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.send('SET', [key, value, 'PX', Math.max(1, Math.ceil(ttlMs))]);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return (await this.send('SET', [key, value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX'])) === 'OK';
  }

  async deleteIfEquals(key: string, value: string): Promise<boolean> {
    return (await this.send('EVAL', [DELETE_IF_EQUALS, 1, key, value])) === 1;
  }

  private send(command: string, args: (string | number)[]): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisCommandTimeoutError(`Redis ${command} timed out`)), this.commandTimeoutMs);
      timer.unref();
    });
    return Promise.race([this.client.call(command, args), timeout]).finally(() => clearTimeout(timer));
  }
}
