import type { Logger } from '@nestjs/common';

/**
 * Writes at most `limit` lines per `windowMs` to `logger` at `level`; the first line of the next
 * window says how many were dropped. Keeps forged traffic from flooding the log.
 */
export class RateLimitedLog {
  private windowStart = 0;
  private written = 0;
  private dropped = 0;

  constructor(
    private readonly logger: Logger,
    private readonly limit = 10,
    private readonly windowMs = 60_000,
    private readonly level: 'warn' | 'error' = 'warn',
  ) {}

  /** Writes `message` unless this window's lines are used up. */
  write(message: string): void {
    const now = Date.now();
    if (now - this.windowStart >= this.windowMs) {
      const dropped = this.dropped;
      this.windowStart = now;
      this.written = 0;
      this.dropped = 0;
      if (dropped > 0) this.logger[this.level](`${dropped} similar lines were not logged in the last ${this.windowMs / 1000} s`);
    }
    if (this.written >= this.limit) {
      this.dropped += 1;
      return;
    }
    this.written += 1;
    this.logger[this.level](message);
  }
}
