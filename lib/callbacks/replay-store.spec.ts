import { jest } from '@jest/globals';
import { InMemoryReplayStore } from './replay-store.js';

describe('InMemoryReplayStore', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('sees a key once inside its TTL, again after it, and forgets expired keys', async () => {
    const store = new InMemoryReplayStore();

    await expect(store.markSeen('a', 1_000)).resolves.toBe(true);
    await expect(store.markSeen('a', 1_000)).resolves.toBe(false);
    jest.setSystemTime(1_001);
    await expect(store.markSeen('b', 1_000)).resolves.toBe(true);
    expect(store.size).toBe(1);
    await expect(store.markSeen('a', 1_000)).resolves.toBe(true);
  });
});
