import { SchedulerRegistry } from '@nestjs/schedule';
import { InpostPayEndpointException } from '../lib/index.js';
import { InpostPayHttpAgents } from '../lib/http/inpost-pay-http-agents.js';
import { openSockets, passCloseCallbacks } from './support/handles.js';
import { startTestBed } from './support/inpost-pay-test-app.js';

describe('application shutdown', () => {
  it('destroys its sockets and clears its timer on app.close(), before the servers it talked to go away', async () => {
    const bed = await startTestBed();
    try {
      await bed.client.getPaymentMethods();
      const registry = bed.app.get(SchedulerRegistry);
      const agents = bed.app.get(InpostPayHttpAgents, { strict: false });
      expect(registry.getTimeouts()).toHaveLength(1);
      expect(openSockets(agents)).toBeGreaterThan(0);

      await bed.app.close();
      await passCloseCallbacks();

      expect(registry.getTimeouts()).toHaveLength(0);
      expect(openSockets(agents)).toBe(0);
      expect(bed.app.getHttpServer().listening).toBe(false);
    } finally {
      await bed.close();
    }
  });

  it('cancels an in-flight token request on shutdown without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const bed = await startTestBed({ timeoutMs: 60_000 });
    const agents = bed.app.get(InpostPayHttpAgents, { strict: false });
    try {
      bed.tokenServer.mode = { kind: 'hang' };
      const pending = bed.client.getPaymentMethods().catch((caught: unknown) => caught);
      await bed.tokenServer.waitForRequests(1);

      await bed.app.close();
      await passCloseCallbacks();

      const error = await pending;
      expect(error).toBeInstanceOf(InpostPayEndpointException);
      expect(error).toMatchObject({ failure: 'shutdown' });
      expect(unhandled).toEqual([]);
      expect(openSockets(agents)).toBe(0);
      expect(bed.logger.text).not.toContain('Token request failed');
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await bed.close();
    }
  });
});

describe('calls after shutdown', () => {
  it('fail with failure "shutdown" and open no new socket', async () => {
    const bed = await startTestBed();
    try {
      await bed.client.getPaymentMethods();
      const agents = bed.app.get(InpostPayHttpAgents, { strict: false });
      const apiCallsBefore = bed.apiServer.requests.length;
      await bed.app.close();
      await passCloseCallbacks();

      const error = await bed.client.getPaymentMethods().catch((caught: unknown) => caught);
      await passCloseCallbacks();

      expect(error).toMatchObject({ name: 'InpostPayEndpointException', failure: 'shutdown' });
      expect(bed.apiServer.requests.length).toBe(apiCallsBefore);
      expect(openSockets(agents)).toBe(0);
    } finally {
      await bed.close();
    }
  });
});
