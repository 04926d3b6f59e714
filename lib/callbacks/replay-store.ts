/**
 * Remembers callback signatures already accepted, so a replay inside the timestamp window is
 * refused. Implement it on a shared store (Redis, ...) when several instances serve callbacks.
 */
export interface InpostPayReplayStore {
  /**
   * Records `key` for `ttlMs`. Resolves true when the key was not there yet (first sight), false
   * when it was (a replay). Must be atomic across the instances that share the store.
   */
  markSeen(key: string, ttlMs: number): Promise<boolean>;
}

/**
 * The default replay store: this process's memory. Entries expire after their TTL; expired ones
 * are swept as new ones arrive, so memory stays bounded by the traffic of one window.
 */
export class InMemoryReplayStore implements InpostPayReplayStore {
  private readonly expiries = new Map<string, number>();

  async markSeen(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    this.sweep(now);
    const expiresAt = this.expiries.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.expiries.delete(key);
    this.expiries.set(key, now + ttlMs);
    return true;
  }

  /** Number of remembered keys (expired ones may linger until the next insert). */
  get size(): number {
    return this.expiries.size;
  }

  private sweep(now: number): void {
    for (const [key, expiresAt] of this.expiries) {
      if (expiresAt > now) return;
      this.expiries.delete(key);
    }
  }
}
