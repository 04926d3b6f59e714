/** A value read with its remaining time to live. */
export interface StoredValue {
  readonly value: string;
  readonly ttlMs: number;
}

/**
 * The few key-value operations the module keeps shared state with: the access token and its
 * refresh lock, seen callback signatures, and signing keys. The in-memory store serves one
 * instance; the Redis store lets several instances share that state.
 */
export interface InpostPayStore {
  /** The value of `key`, or undefined when it is absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** The value of `key` and how long it still lives, in ms, by the store's own clock. */
  getWithTtl(key: string): Promise<StoredValue | undefined>;
  /** Sets `key` to `value` for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets `key` only when it is absent; true when it was set. Atomic across the sharing instances. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes `key` only while it still holds `value`; true when it was deleted. Atomic. */
  deleteIfEquals(key: string, value: string): Promise<boolean>;
}
