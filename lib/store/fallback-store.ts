import type { Logger } from '@nestjs/common';
import { InMemoryStore } from './in-memory-store.js';
import type { InpostPayStore } from './inpost-pay-store.js';

/** After a failed shared-store command, how long this instance works from memory before trying the shared store again. */
export const SHARED_STORE_RETRY_MS = 1_000;

/**
 * A shared store that this instance can do without: when a command fails, it works from its own
 * memory, says so once, tries the shared store again every `SHARED_STORE_RETRY_MS`, and says
 * once more when the shared store answers again.
 */
export class FallbackStore implements InpostPayStore {
  private retryAt = 0;
  private degraded = false;

  constructor(
    private readonly shared: InpostPayStore,
    private readonly logger: Logger,
    private readonly local: InpostPayStore = new InMemoryStore(),
  ) {}

  /** True while the shared store is out of reach and this instance works from memory. */
  get isDegraded(): boolean {
    return this.degraded;
  }

  /** Marks the shared store as out of reach (for example when it could not be reached at boot). */
  markUnreachable(reason: unknown): void {
    this.retryAt = Date.now() + SHARED_STORE_RETRY_MS;
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(
      `Shared store unreachable (${describe(reason)}): this instance keeps serving from its own memory ` +
        '(its own token, replay protection and signing keys) until the store answers again.',
    );
  }

  get(key: string): Promise<string | undefined> {
    return this.attempt((store) => store.get(key));
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.attempt((store) => store.set(key, value, ttlMs));
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.attempt((store) => store.setIfAbsent(key, value, ttlMs));
  }

  deleteIfEquals(key: string, value: string): Promise<boolean> {
    return this.attempt((store) => store.deleteIfEquals(key, value));
  }

  private async attempt<T>(command: (store: InpostPayStore) => Promise<T>): Promise<T> {
    if (this.degraded && Date.now() < this.retryAt) return command(this.local);
    let result: T;
    try {
      result = await command(this.shared);
    } catch (error) {
      this.markUnreachable(error);
      return command(this.local);
    }
    if (this.degraded) {
      this.degraded = false;
      this.logger.log('Shared store reachable again: tokens, replay protection and signing keys are shared once more.');
    }
    return result;
  }
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return (reason as NodeJS.ErrnoException).code ?? reason.message.slice(0, 120);
  return 'unknown error';
}
