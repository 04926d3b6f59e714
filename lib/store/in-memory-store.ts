import type { InpostPayStore, StoredValue } from './inpost-pay-store.js';

const SWEEP_INTERVAL_MS = 1_000;

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/**
 * The default store: this process's memory. Expired entries are swept at most once a second as
 * new ones arrive, so memory stays bounded by the traffic of the longest TTL in use.
 */
export class InMemoryStore implements InpostPayStore {
  private readonly entries = new Map<string, Entry>();
  private lastSweep = 0;

  async get(key: string): Promise<string | undefined> {
    return this.live(key, Date.now())?.value;
  }

  async getWithTtl(key: string): Promise<StoredValue | undefined> {
    const now = Date.now();
    const entry = this.live(key, now);
    return entry && { value: entry.value, ttlMs: entry.expiresAt - now };
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    this.sweep(now);
    this.entries.set(key, { value, expiresAt: now + ttlMs });
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    if (this.live(key, now)) return false;
    this.sweep(now);
    this.entries.set(key, { value, expiresAt: now + ttlMs });
    return true;
  }

  async deleteIfEquals(key: string, value: string): Promise<boolean> {
    if (this.live(key, Date.now())?.value !== value) return false;
    return this.entries.delete(key);
  }

  /** Number of entries held (expired ones may linger until the next sweep). */
  get size(): number {
    return this.entries.size;
  }

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAt > now) return entry;
    this.entries.delete(key);
    return undefined;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
  }
}
