import { jest } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import { FallbackStore, SHARED_STORE_RETRY_MS } from './fallback-store.js';
import { InMemoryStore } from './in-memory-store.js';
import type { InpostPayStore } from './inpost-pay-store.js';

/** A shared store that can be switched off, counting the commands it was sent. */
class SwitchableStore extends InMemoryStore {
  up = true;
  commands = 0;

  override async get(key: string): Promise<string | undefined> {
    this.commands += 1;
    if (!this.up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    return super.get(key);
  }
}

function recordingLogger() {
  const lines: string[] = [];
  const logger = { warn: (line: string) => lines.push(`warn ${line}`), log: (line: string) => lines.push(`log ${line}`) };
  return { lines, logger: logger as unknown as Logger };
}

describe('FallbackStore', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('works from memory while the shared store fails, says so once, and returns to it when it answers', async () => {
    const shared = new SwitchableStore();
    const local: InpostPayStore = new InMemoryStore();
    const { lines, logger } = recordingLogger();
    const store = new FallbackStore(shared, logger, local);
    await shared.set('k', 'shared', 60_000);
    await local.set('k', 'local', 60_000);

    await expect(store.get('k')).resolves.toBe('shared');
    shared.up = false;
    await expect(store.get('k')).resolves.toBe('local');
    await expect(store.get('k')).resolves.toBe('local');
    expect(store.isDegraded).toBe(true);
    expect(shared.commands).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^warn Shared store unreachable \(ECONNREFUSED\)/)]);

    jest.setSystemTime(SHARED_STORE_RETRY_MS + 1);
    await expect(store.get('k')).resolves.toBe('local');
    expect(shared.commands).toBe(3);
    expect(lines).toHaveLength(1);

    shared.up = true;
    jest.setSystemTime(2 * SHARED_STORE_RETRY_MS + 2);
    await expect(store.get('k')).resolves.toBe('shared');
    expect(store.isDegraded).toBe(false);
    expect(lines[1]).toMatch(/^log Shared store reachable again/);
  });
});
