/**
 * Remembers computed values by key, forgetting everything once `limit` keys are held, so that
 * keys chosen by an attacker cannot grow it without bound.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit = 1024) {}

  /** The value remembered for `key`, computed and remembered on first use. */
  get(key: string, compute: () => V): V {
    const known = this.values.get(key);
    if (known !== undefined || this.values.has(key)) return known as V;
    if (this.values.size >= this.limit) this.values.clear();
    const value = compute();
    this.values.set(key, value);
    return value;
  }
}
