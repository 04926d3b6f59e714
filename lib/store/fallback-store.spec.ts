import { jest } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import { FallbackStore, SHARED_STORE_RETRY_MS } from './fallback-store.js';
import { InMemoryStore } from './in-memory-store.js';
import type { InpostPayStore } from './inpost-pay-store.js';

/** A shared store that can be switched off or held, counting the commands it was sent. */
class SwitchableStore extends InMemoryStore {
  up = true;
  commands = 0;
  private held: (() => void)[] = [];
  holding = false;

  override async get(key: string): Promise<string | undefined> {
    this.commands += 1;
    if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
    if (!this.up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    return super.get(key);
  }

  release(): void {
    this.holding = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}

function recordingLogger() {
  const lines: string[] = [];
  const logger = { warn: (line: string) => lines.push(`warn ${line}`), log: (line: string) => lines.push(`log ${line}`) };
  return { lines, logger: logger as unknown as Logger };
}

describe('FallbackStore', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('works from memory while the shared store fails, says so once, and returns to it when a probe answers', async () => {
    const shared = new SwitchableStore();
    const local: InpostPayStore = new InMemoryStore();
    const { lines, logger } = recordingLogger();
    const store = new FallbackStore(shared, logger, local);
    await shared.set('k', 'shared', 600_000);
    await local.set('k', 'local', 600_000);

    await expect(store.get('k')).resolves.toBe('shared');
    shared.up = false;
    await expect(store.get('k')).resolves.toBe('local');
    await expect(store.get('k')).resolves.toBe('local');
    expect(store.isDegraded).toBe(true);
    expect(shared.commands).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^warn Shared store unreachable \(ECONNREFUSED\)/)]);

    jest.advanceTimersByTime(SHARED_STORE_RETRY_MS + 1);
    await expect(store.get('k')).resolves.toBe('local');
    expect(shared.commands).toBe(3);
    expect(lines).toHaveLength(1);

    shared.up = true;
    jest.advanceTimersByTime(SHARED_STORE_RETRY_MS + 1);
    await expect(store.get('k')).resolves.toBe('shared');
    expect(store.isDegraded).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/^warn /), expect.stringMatching(/^log Shared store reachable again/)]);
  });

  it('sends one probe at a time, and a command sent before the outage cannot end it', async () => {
    const shared = new SwitchableStore();
    const { lines, logger } = recordingLogger();
    const store = new FallbackStore(shared, logger);
    shared.holding = true;
    const early = store.get('k');
    store.markUnreachable(new Error('timed out'));
    shared.release();
    await early;
    expect(store.isDegraded).toBe(true);

    jest.advanceTimersByTime(SHARED_STORE_RETRY_MS + 1);
    shared.holding = true;
    const probe = store.get('k');
    await Promise.all([store.get('k'), store.get('k'), store.get('k')]);
    expect(shared.commands).toBe(2);
    shared.release();
    await probe;

    expect(store.isDegraded).toBe(false);
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['warn', 'log']);
  });
});
