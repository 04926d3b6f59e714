/**
 * A token bucket: at most `perMinute` takes a minute on average, with bursts up to `burst`.
 * Bounds how often callbacks (forged ones included) can make the merchant call InPost.
 */
export class FetchBudget {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perMinute: number,
    private readonly burst = Math.max(1, Math.min(5, perMinute)),
    now = Date.now(),
  ) {
    this.tokens = this.burst;
    this.updatedAt = now;
  }

  /** Takes one token if there is one. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) * this.perMinute) / 60_000);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
