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

/**
 * The default replay store: an atomic set-if-absent in the module's store. With a shared store,
 * every signature is also kept in this instance's memory (`local`), and a signature either of
 * them has seen is a replay: so a replay to this instance is refused even when the shared store
 * missed the first sight (it was out of reach), and after it comes back.
 */
export class StoreReplayStore implements InpostPayReplayStore {
  constructor(
    private readonly store: InpostPayStore,
    private readonly keyOf: (key: string) => string,
    private readonly local?: InpostPayStore,
  ) {}

  async markSeen(key: string, ttlMs: number): Promise<boolean> {
    const storeKey = this.keyOf(key);
    const [shared, local] = await Promise.all([
      this.store.setIfAbsent(storeKey, '1', ttlMs),
      this.local?.setIfAbsent(storeKey, '1', ttlMs) ?? true,
    ]);
    return shared && local;
  }
}
