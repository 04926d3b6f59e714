import { sendRequest, type ReceivedResponse } from './support/send-request.js';
import { startMerchantInstance, SharedInpost, type MerchantInstance } from './support/multi-instance-test-bed.js';
import { RedisServer } from './support/redis-server.js';

const basketEvent = JSON.stringify({
  event_id: 'ev-1',
  event_data_time: '2023-09-20T13:27:25.760Z',
  event_type: 'PRODUCTS_QUANTITY',
  quantity_event_data: [{ product_id: 'p-1', quantity: { quantity: 2 } }],
});

/** Sends one signed basket event to `instance`, with `headers` as InPost signed them. */
function deliver(instance: MerchantInstance, headers: Record<string, string>, basketId = 'B-1'): Promise<ReceivedResponse> {
  return sendRequest(instance.port, { path: `/inpost/v1/izi/basket/${basketId}/event`, body: basketEvent, headers });
}

describe('several instances sharing Redis', () => {
  const redis = new RedisServer();
  let inpost: SharedInpost;
  let first: MerchantInstance;
  let second: MerchantInstance;

  beforeEach(async () => {
    const url = await redis.start();
    inpost = await new SharedInpost().start();
    first = await startMerchantInstance(inpost, { type: 'redis', url });
    second = await startMerchantInstance(inpost, { type: 'redis', url });
  });

  afterEach(async () => {
    await Promise.all([first?.app.close(), second?.app.close()]);
    await inpost.close();
    await redis.stop();
  });

  it('makes one token request for 1 000 concurrent calls spread across two instances at a cold start', async () => {
    const calls = Array.from({ length: 1000 }, (_, index) => (index % 2 === 0 ? first : second).client.getPaymentMethods());
    const results = await Promise.all(calls);

    expect(results.every((result) => result.payment_type.includes('CARD'))).toBe(true);
    expect(inpost.tokenServer.requests).toHaveLength(1);
    const bearer = `Bearer ${inpost.tokenServer.issued[0]!.token}`;
    expect(inpost.apiServer.requests.filter((request) => request.headers.authorization !== bearer)).toEqual([]);
    const sources = [...first.events, ...second.events].flatMap((event) => (event.type === 'token.refreshed' ? [event.source] : []));
    expect(sources.sort()).toEqual(['endpoint', 'store']);
  });

  it('refuses a callback replayed to the other instance, and fetches the signing key once for both', async () => {
    const headers = inpost.signer.headers(basketEvent);

    const accepted = await deliver(first, headers);
    const replayed = await deliver(second, headers);

    expect(accepted.status).toBe(200);
    expect(replayed.status).toBe(401);
    expect(replayed.json()).toEqual({ error_code: 'INVALID_SIGNATURE', error_message: 'Invalid signature' });
    expect([...first.ran, ...second.ran]).toEqual(['basketEvent:PRODUCTS_QUANTITY']);
    expect(inpost.signingKeyFetches()).toBe(1);
    expect(second.events).toContainEqual(expect.objectContaining({ type: 'callback.rejected', reason: 'replay', status: 401 }));
  });

  it('refreshes proactively with one token request for both instances', async () => {
    await Promise.all([first.app.close(), second.app.close()]);
    inpost.tokenServer.lifetimeSeconds = 2;
    first = await startMerchantInstance(inpost, { type: 'redis', url: redis.url });
    second = await startMerchantInstance(inpost, { type: 'redis', url: redis.url });
    await Promise.all([first.client.getPaymentMethods(), second.client.getPaymentMethods()]);

    const [afterFirst, afterSecond] = await Promise.all([first.refreshed(2), second.refreshed(2)]);

    expect(inpost.tokenServer.requests).toHaveLength(2);
    expect([afterFirst, afterSecond].map((event) => (event as { source: string }).source).sort()).toEqual(['endpoint', 'store']);
    await Promise.all([first.client.getPaymentMethods(), second.client.getPaymentMethods()]);
    const latest = `Bearer ${inpost.tokenServer.issued[1]!.token}`;
    expect(inpost.apiServer.requests.slice(-2).map((request) => request.headers.authorization)).toEqual([latest, latest]);
  });

  it('lets a waiting instance take over when the lock holder\'s token request fails', async () => {
    inpost.tokenServer.mode = { kind: 'status', status: 500, body: { error: 'server_error' } };
    void inpost.tokenServer.waitForRequests(1).then(() => {
      inpost.tokenServer.mode = { kind: 'issue' };
    });

    const outcomes = await Promise.allSettled([first.client.getPaymentMethods(), second.client.getPaymentMethods()]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(inpost.tokenServer.requests).toHaveLength(2);
  });

  it('never adopts a token the API refused: both instances move to one new token', async () => {
    await Promise.all([first.client.getPaymentMethods(), second.client.getPaymentMethods()]);
    const refused = inpost.tokenServer.issued[0]!.token;
    inpost.apiServer.rejectedTokens.add(refused);

    await first.client.getPaymentMethods();
    await second.client.getPaymentMethods();

    expect(inpost.tokenServer.requests).toHaveLength(2);
    const fresh = `Bearer ${inpost.tokenServer.issued[1]!.token}`;
    expect(inpost.apiServer.requests.slice(-1)[0]!.headers.authorization).toBe(fresh);
    expect(inpost.apiServer.unauthorizedAnswers).toBe(2);
  });

  /** Nest's logger is process-wide, so the two instances' lines land in one capture: count them together. */
  function storeLines(level: string, fragment: string): string[] {
    return [...first.logger.matching(level, fragment), ...second.logger.matching(level, fragment)];
  }

  it('keeps both instances serving while Redis is down, says so once each, and shares again once it is back', async () => {
    await first.client.getPaymentMethods();
    await redis.stop();

    const whileDown = await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? first : second).client.getPaymentMethods()),
    );
    const callbacks = [await deliver(first, inpost.signer.headers(basketEvent)), await deliver(second, inpost.signer.headers(basketEvent))];
    await expect(first.health.isHealthy()).resolves.toEqual({ inpost_pay: { status: 'up', store: 'redis-unreachable' } });

    expect(whileDown).toHaveLength(20);
    expect(callbacks.map((response) => response.status)).toEqual([200, 200]);
    expect(storeLines('warn', 'Shared store unreachable')).toHaveLength(2);

    await redis.start();
    await waitUntil(async () => (await second.health.isHealthy()).inpost_pay.store === 'redis');
    await waitUntil(async () => (await first.health.isHealthy()).inpost_pay.store === 'redis');
    const headers = inpost.signer.headers(basketEvent);
    const accepted = await deliver(second, headers, 'B-2');
    const replayed = await deliver(first, headers, 'B-2');

    expect([accepted.status, replayed.status]).toEqual([200, 401]);
    expect(storeLines('log', 'Shared store reachable again')).toHaveLength(2);
    const logs = first.logger.text + second.logger.text;
    for (const secret of [inpost.tokenServer.clientSecret, ...inpost.tokenServer.issued.map((issued) => issued.token)]) {
      expect(logs).not.toContain(secret);
    }
  });
});

/** Retries `check` until it holds: the store re-probes Redis on use, once a second at most. */
async function waitUntil(check: () => Promise<boolean>, attempts = 100): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not reached');
}
