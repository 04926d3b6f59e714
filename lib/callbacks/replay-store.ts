import type { InpostPayStore } from '../store/inpost-pay-store.js';

/**
 * Remembers callback signatures already accepted, so a replay inside the timestamp window is
 * refused. The default keeps them in the module's store (memory, or Redis to share them between
 * instances); implement it to keep them elsewhere.
 */
export interface InpostPayReplayStore {
  /**
   * Records `key` for `ttlMs`. Resolves true when the key was not there yet (first sight), false
   * when it was (a replay). Must be atomic across the instances that share the store.
   */
  markSeen(key: string, ttlMs: number): Promise<boolean>;
}

/** The default replay store: an atomic set-if-absent in the module's store. */
export class StoreReplayStore implements InpostPayReplayStore {
  constructor(
    private readonly store: InpostPayStore,
    private readonly keyOf: (key: string) => string,
  ) {}

  markSeen(key: string, ttlMs: number): Promise<boolean> {
    return this.store.setIfAbsent(this.keyOf(key), '1', ttlMs);
  }
}
