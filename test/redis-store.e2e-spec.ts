import { Redis } from 'ioredis';
import { startMerchantInstance, SharedInpost, type MerchantInstance } from './support/multi-instance-test-bed.js';
import { RedisServer } from './support/redis-server.js';
import { sendRequest } from './support/send-request.js';

/** Clients connected to `redis`, besides `probe` itself. */
async function connectedClients(probe: Redis): Promise<number> {
  const list = (await probe.call('CLIENT', ['LIST'])) as string;
  return list.trim().split('\n').length - 1;
}

describe('the Redis store of one instance', () => {
  const redis = new RedisServer();
  let inpost: SharedInpost;
  let probe: Redis | undefined;

  beforeEach(async () => {
    inpost = await new SharedInpost().start();
  });

  afterEach(async () => {
    probe?.disconnect();
    probe = undefined;
    await inpost.close();
    await redis.stop();
  });

  it('keeps the token in Redis sealed, and disconnects the client it created on app.close()', async () => {
    const url = await redis.start();
    const reader = (probe = new Redis(url));
    const instance = await startMerchantInstance(inpost, { type: 'redis', url, keyPrefix: 'shop-a:' });
    await instance.client.getPaymentMethods();

    const keys = await reader.keys('shop-a:*');
    const stored = await Promise.all(keys.filter((key) => key.endsWith(':token')).map((key) => reader.get(key)));
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(inpost.tokenServer.issued[0]!.token);
    expect(await connectedClients(reader)).toBe(1);

    await instance.app.close();
    await expect(waitForClients(reader, 0)).resolves.toBe(0);
  });

  it('boots and serves from memory when Redis is unreachable at boot, logging it once', async () => {
    const url = await redis.start();
    await redis.stop();
    const instance: MerchantInstance = await startMerchantInstance(inpost, { type: 'redis', url, connectTimeoutMs: 200 });
    try {
      await Promise.all(Array.from({ length: 10 }, () => instance.client.getPaymentMethods()));
      const body = JSON.stringify({ event_id: 'e', event_data_time: '2023-09-20T13:27:25.760Z', event_type: 'PROMO_CODES' });
      const headers = inpost.signer.headers(body);
      const first = await sendRequest(instance.port, { path: '/inpost/v1/izi/basket/B-1/event', body, headers });
      const replay = await sendRequest(instance.port, { path: '/inpost/v1/izi/basket/B-1/event', body, headers });

      expect(inpost.tokenServer.requests).toHaveLength(1);
      expect([first.status, replay.status]).toEqual([200, 401]);
      expect(instance.logger.matching('warn', 'Shared store unreachable')).toHaveLength(1);
      expect(instance.logger.text).not.toContain(url);
    } finally {
      await instance.app.close();
    }
  });

  it('uses a client given by the app and leaves it connected on app.close()', async () => {
    const url = await redis.start();
    const reader = (probe = new Redis(url));
    const client = new Redis(url);
    const instance = await startMerchantInstance(inpost, { type: 'redis', client, keyPrefix: 'shop-b:' });
    await instance.client.getPaymentMethods();
    await instance.app.close();

    expect((await reader.keys('shop-b:*')).some((key) => key.endsWith(':token'))).toBe(true);
    await expect(client.call('PING', [])).resolves.toBe('PONG');
    client.disconnect();
  });
});

/** CLIENT LIST reflects a closed connection once Redis has processed the close. */
async function waitForClients(probe: Redis, expected: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const count = await connectedClients(probe);
    if (count === expected) return count;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return connectedClients(probe);
}
