import { jest } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MAX_TIMER_DELAY_MS } from '../inpost-pay.constants.js';
import { RefreshTimer } from './refresh-timer.js';

describe('RefreshTimer', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('reaches a delay beyond the setTimeout maximum in capped steps', () => {
    const registry = new SchedulerRegistry();
    const timer = new RefreshTimer(registry, 'refresh');
    const task = jest.fn();

    timer.arm(performance.now() + MAX_TIMER_DELAY_MS + 5_000, task);
    jest.advanceTimersByTime(MAX_TIMER_DELAY_MS);
    expect(task).not.toHaveBeenCalled();
    expect(registry.doesExist('timeout', 'refresh')).toBe(true);
    jest.advanceTimersByTime(5_000);

    expect(task).toHaveBeenCalledTimes(1);
    expect(registry.doesExist('timeout', 'refresh')).toBe(false);
  });

  it('replaces the armed timer when armed again, and clears it', () => {
    const registry = new SchedulerRegistry();
    const timer = new RefreshTimer(registry, 'refresh');
    const first = jest.fn();
    const second = jest.fn();

    timer.arm(performance.now() + 1_000, first);
    timer.arm(performance.now() + 2_000, second);
    jest.advanceTimersByTime(2_000);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);

    timer.arm(performance.now() + 1_000, first);
    timer.clear();
    jest.advanceTimersByTime(1_000);
    expect(first).not.toHaveBeenCalled();
    expect(registry.getTimeouts()).toEqual([]);
  });

  it('unrefs its timer so it never keeps the process alive', () => {
    const registry = new SchedulerRegistry();
    new RefreshTimer(registry, 'refresh').arm(performance.now() + 1_000, () => undefined);

    expect(registry.getTimeout<NodeJS.Timeout>('refresh').hasRef()).toBe(false);
  });
});
