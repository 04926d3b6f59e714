import type { Logger } from '@nestjs/common';
import { InMemoryStore } from './in-memory-store.js';
import type { InpostPayStore, StoredValue } from './inpost-pay-store.js';

/** While the shared store is out of reach, how often one command probes it again, in ms. */
export const SHARED_STORE_RETRY_MS = 1_000;

/**
 * A shared store that this instance can do without: when a command fails, it works from its own
 * memory and says so once; every `SHARED_STORE_RETRY_MS` one command (never several at once)
 * probes the shared store again, and when that probe answers it says so once more and goes back.
 * A command sent before a state change cannot flip the state back: only the probe recovers, and a
 * failure counts only for a command sent while the store was believed up.
 */
export class FallbackStore implements InpostPayStore {
  private degraded = false;
  private probing = false;
  private retryAt = 0;
  /** Bumped on every change between up and degraded. */
  private generation = 0;
  private quiet = false;

  constructor(
    private readonly shared: InpostPayStore,
    private readonly logger: Logger,
    private readonly local: InpostPayStore = new InMemoryStore(),
  ) {}

  /** True while the shared store is out of reach and this instance works from memory. */
  get isDegraded(): boolean {
    return this.degraded;
  }

  /** Stops the state-change log lines (on shutdown, when closing the connection fails commands in flight). */
  silence(): void {
    this.quiet = true;
  }

  /** Marks the shared store as out of reach (for example when it could not be reached at boot). */
  markUnreachable(reason: unknown): void {
    this.retryAt = performance.now() + SHARED_STORE_RETRY_MS;
    if (this.degraded) return;
    this.degraded = true;
    this.generation += 1;
    if (this.quiet) return;
    this.logger.warn(
      `Shared store unreachable (${describe(reason)}): this instance keeps serving from its own memory ` +
        '(its own token, replay protection and signing keys) until the store answers again.',
    );
  }

  get(key: string): Promise<string | undefined> {
    return this.attempt((store) => store.get(key));
  }

  getWithTtl(key: string): Promise<StoredValue | undefined> {
    return this.attempt((store) => store.getWithTtl(key));
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
    if (this.degraded) return this.probe(command);
    const generation = this.generation;
    try {
      return await command(this.shared);
    } catch (error) {
      if (generation === this.generation) this.markUnreachable(error);
      return command(this.local);
    }
  }

  private async probe<T>(command: (store: InpostPayStore) => Promise<T>): Promise<T> {
    if (this.probing || performance.now() < this.retryAt) return command(this.local);
    this.probing = true;
    this.retryAt = performance.now() + SHARED_STORE_RETRY_MS;
    try {
      const result = await command(this.shared);
      this.recover();
      return result;
    } catch (error) {
      this.markUnreachable(error);
      return command(this.local);
    } finally {
      this.probing = false;
    }
  }

  private recover(): void {
    this.degraded = false;
    this.generation += 1;
    if (!this.quiet) this.logger.log('Shared store reachable again: tokens, replay protection and signing keys are shared once more.');
  }
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return (reason as NodeJS.ErrnoException).code ?? reason.message.slice(0, 120);
  return 'unknown error';
}
