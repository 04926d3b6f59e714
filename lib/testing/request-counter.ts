interface Waiter {
  readonly route: string;
  readonly count: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** Requests received per route key (`'PUT /v2/izi/basket/{basket_id}'`), and waits on those counts. */
export class RequestCounter {
  private counts = new Map<string, number>();
  private waiters: Waiter[] = [];

  /** Counts one request of `route` and wakes the waiters it satisfies. */
  record(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
    const ready = this.waiters.filter((waiter) => waiter.route === route && this.count(route) >= waiter.count);
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }

  count(route: string): number {
    return this.counts.get(route) ?? 0;
  }

  all(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts = new Map();
  }

  /** Resolves once `route` has had `count` requests since the last reset. */
  waitFor(route: string, count: number): Promise<void> {
    if (this.count(route) >= count) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ route, count, resolve, reject }));
  }

  /** Rejects every pending wait (the emulator stopped). */
  rejectWaiters(reason: string): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) waiter.reject(new Error(reason));
  }
}
