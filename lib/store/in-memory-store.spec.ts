import { jest } from '@jest/globals';
import { StoreReplayStore } from '../callbacks/replay-store.js';
import { InMemoryStore } from './in-memory-store.js';

describe('InMemoryStore', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('sets a key once while it lives, again after it expired, and sweeps expired keys', async () => {
    const store = new InMemoryStore();

    await expect(store.setIfAbsent('a', '1', 1_000)).resolves.toBe(true);
    await expect(store.setIfAbsent('a', '2', 1_000)).resolves.toBe(false);
    await expect(store.get('a')).resolves.toBe('1');
    jest.setSystemTime(1_001);
    await expect(store.setIfAbsent('b', '1', 5_000)).resolves.toBe(true);
    expect(store.size).toBe(1);
    await expect(store.get('a')).resolves.toBeUndefined();
    await expect(store.setIfAbsent('a', '3', 1_000)).resolves.toBe(true);
  });

  it('deletes a key only while it holds the given value', async () => {
    const store = new InMemoryStore();
    await store.set('lock', 'mine', 1_000);

    await expect(store.deleteIfEquals('lock', 'theirs')).resolves.toBe(false);
    await expect(store.get('lock')).resolves.toBe('mine');
    await expect(store.deleteIfEquals('lock', 'mine')).resolves.toBe(true);
    await expect(store.get('lock')).resolves.toBeUndefined();
  });

  it('backs the replay store: a key is seen once inside its TTL', async () => {
    const replays = new StoreReplayStore(new InMemoryStore(), (key) => `replay:${key}`);

    await expect(replays.markSeen('sig', 1_000)).resolves.toBe(true);
    await expect(replays.markSeen('sig', 1_000)).resolves.toBe(false);
    jest.setSystemTime(1_001);
    await expect(replays.markSeen('sig', 1_000)).resolves.toBe(true);
  });
});
