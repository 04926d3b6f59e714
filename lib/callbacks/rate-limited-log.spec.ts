import { jest } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import { RateLimitedLog } from './rate-limited-log.js';

describe('RateLimitedLog', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('writes at most the limit per window and reports what it dropped', () => {
    const lines: string[] = [];
    const log = new RateLimitedLog({ warn: (line: string) => lines.push(line) } as unknown as Logger, 2, 60_000);

    for (let index = 0; index < 5; index += 1) log.write(`denied ${index}`);
    jest.setSystemTime(1_060_000);
    log.write('denied again');

    expect(lines).toEqual(['denied 0', 'denied 1', '3 similar lines were not logged in the last 60 s', 'denied again']);
  });
});
