import type { SchedulerRegistry } from '@nestjs/schedule';
import { MAX_TIMER_DELAY_MS } from '../inpost-pay.constants.js';

/**
 * One named, unref'd timeout in the host's `SchedulerRegistry`. Arming it again replaces the
 * previous one; delays beyond what `setTimeout` accepts are reached in capped steps.
 */
export class RefreshTimer {
  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly name: string,
  ) {}

  /** Runs `task` at `at` on the `performance.now()` clock (at once when past), replacing any armed timer. */
  arm(at: number, task: () => void): void {
    this.clear();
    const delay = Math.max(0, at - performance.now());
    const handle = setTimeout(() => {
      this.clear();
      if (delay > MAX_TIMER_DELAY_MS) this.arm(at, task);
      else task();
    }, Math.min(delay, MAX_TIMER_DELAY_MS));
    handle.unref();
    this.registry.addTimeout(this.name, handle);
  }

  /** Cancels the armed timer, if any. */
  clear(): void {
    if (this.registry.doesExist('timeout', this.name)) this.registry.deleteTimeout(this.name);
  }
}
