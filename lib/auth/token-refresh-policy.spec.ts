import { MAX_RETRY_AFTER_MS, planTokenSchedule, retryDelay } from './token-refresh-policy.js';

const tuning = {
  refreshLeadMs: 120_000,
  refreshJitterMs: 5_000,
  expiryMarginMs: 10_000,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 30_000,
};

describe('planTokenSchedule', () => {
  it.each([
    [1_000, 'a 1 s token'],
    [2_000, 'a 2 s token'],
    [300_000, "InPost's 300 s token"],
    [36_000_000, 'a 10 h token'],
  ])('refreshes %s ms (%s) after half its life and before it stops being usable', (lifetime) => {
    for (const random of [0, 0.5, 0.999]) {
      const plan = planTokenSchedule(1_000, lifetime, tuning, random);
      expect(plan.expiresAt).toBe(1_000 + lifetime);
      expect(plan.refreshAt).toBeGreaterThanOrEqual(1_000 + lifetime / 2);
      expect(plan.refreshAt).toBeLessThan(plan.usableUntil);
      expect(plan.usableUntil).toBeLessThan(plan.expiresAt);
    }
  });

  it('uses the full lead and margin for a 300 s token, with jitter moving the refresh earlier', () => {
    expect(planTokenSchedule(0, 300_000, tuning, 0)).toEqual({ expiresAt: 300_000, usableUntil: 290_000, refreshAt: 180_000 });
    expect(planTokenSchedule(0, 300_000, tuning, 1).refreshAt).toBe(175_000);
  });

  it('scales the lead down for a 2 s token so it does not refresh in a loop', () => {
    expect(planTokenSchedule(0, 2_000, tuning, 0)).toEqual({ expiresAt: 2_000, usableUntil: 1_600, refreshAt: 1_200 });
    expect(planTokenSchedule(0, 2_000, tuning, 1).refreshAt).toBe(1_000);
  });

  it('keeps a few minutes of lead, not a fraction, for a 10 h token', () => {
    const plan = planTokenSchedule(0, 36_000_000, tuning, 0);
    expect(plan.expiresAt - plan.refreshAt).toBe(120_000);
  });
});

describe('retryDelay', () => {
  it('doubles the ceiling per failure up to the maximum', () => {
    expect(retryDelay(1, tuning, 1)).toBe(1_000);
    expect(retryDelay(3, tuning, 1)).toBe(4_000);
    expect(retryDelay(20, tuning, 1)).toBe(30_000);
  });

  it('never goes below half the base delay, so a failing endpoint is not hammered', () => {
    expect(retryDelay(1, tuning, 0)).toBe(500);
    expect(retryDelay(1, tuning, 0, 0)).toBe(500);
  });

  it('waits at least as long as Retry-After asks, up to a cap', () => {
    expect(retryDelay(1, tuning, 0, 7_000)).toBe(7_000);
    expect(retryDelay(1, tuning, 0, 24 * 3_600_000)).toBe(MAX_RETRY_AFTER_MS);
  });
});
