import { jest } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InpostPayEndpointException } from '../errors/inpost-pay-endpoint.exception.js';
import type { InpostPayEvents } from '../events/inpost-pay-events.js';
import { resolveInpostPayOptions } from '../inpost-pay.options-resolver.js';
import { InpostPayTokenService } from './inpost-pay-token.service.js';
import type { ObtainedToken, SharedTokenSource } from './shared-token-source.js';

/** A token source that fails until `heal()`, counting the requests it was asked for. */
class ScriptedSource {
  requests = 0;
  private healthy = false;

  heal(): void {
    this.healthy = true;
  }

  async obtain(): Promise<ObtainedToken> {
    this.requests += 1;
    if (!this.healthy) throw new InpostPayEndpointException({ failure: 'http', status: 500 });
    return { accessToken: `token-${this.requests}`, sentAt: performance.now(), lifetimeMs: 300_000, source: 'endpoint' };
  }

  async forget(): Promise<void> {}
}

describe('InpostPayTokenService without a usable token', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('fails fast inside retryBaseDelayMs, yet serves the first caller after it once the endpoint is back, however long the backoff', async () => {
    const options = resolveInpostPayOptions({
      clientId: 'merchant',
      clientSecret: 'secret',
      tokenRefresh: { retryBaseDelayMs: 100, retryMaxDelayMs: 600_000 },
    });
    const source = new ScriptedSource();
    const events = { emit: () => undefined } as unknown as InpostPayEvents;
    const service = new InpostPayTokenService(options, source as unknown as SharedTokenSource, events, new SchedulerRegistry());
    try {
      for (let failure = 0; failure < 15; failure += 1) {
        await expect(service.getBearerToken()).rejects.toBeInstanceOf(InpostPayEndpointException);
        await jest.advanceTimersByTimeAsync(100);
      }
      await expect(service.getBearerToken()).rejects.toBeInstanceOf(InpostPayEndpointException);
      const afterLastFailure = source.requests;

      await jest.advanceTimersByTimeAsync(10);
      await expect(service.getBearerToken()).rejects.toMatchObject({ failure: 'http', status: 500 });
      expect(source.requests).toBe(afterLastFailure);

      source.heal();
      await jest.advanceTimersByTimeAsync(90);
      await expect(service.getBearerToken()).resolves.toMatch(/^token-/);
    } finally {
      service.onModuleDestroy();
    }
  });
});
