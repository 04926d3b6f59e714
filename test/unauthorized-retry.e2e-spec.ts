import { InpostPayApiException } from '../lib/index.js';
import { startTestBed, type InpostPayTestBed } from './support/inpost-pay-test-app.js';

describe('401 from the API', () => {
  let bed: InpostPayTestBed;

  beforeEach(async () => {
    bed = await startTestBed();
    await bed.client.getPaymentMethods();
  });

  afterEach(() => bed.close());

  it('invalidates that token, fetches exactly one new token and retries the call once', async () => {
    const revoked = bed.tokenServer.issued[0]!.token;
    bed.apiServer.rejectedTokens.add(revoked);
    const apiCallsBefore = bed.apiServer.requests.length;

    await expect(bed.client.getPaymentMethods()).resolves.toEqual({ payment_type: ['CARD', 'BLIK_CODE'] });

    expect(bed.tokenServer.requests).toHaveLength(2);
    expect(bed.apiServer.requests.length - apiCallsBefore).toBe(2);
    expect(bed.apiServer.unauthorizedAnswers).toBe(1);
    expect(bed.apiServer.requests.at(-1)!.headers.authorization).toBe(`Bearer ${bed.tokenServer.issued[1]!.token}`);
  });

  it('shares one token request among 50 concurrent calls rejected with the same token', async () => {
    bed.apiServer.rejectedTokens.add(bed.tokenServer.issued[0]!.token);

    const results = await Promise.all(Array.from({ length: 50 }, () => bed.client.getPaymentMethods()));

    expect(results).toHaveLength(50);
    expect(bed.tokenServer.requests).toHaveLength(2);
    expect(bed.apiServer.unauthorizedAnswers).toBe(50);
  });

  it('surfaces a second 401 as InpostPayApiException instead of looping', async () => {
    bed.apiServer.script = () => ({ status: 401, body: { error_code: 'UNAUTHORIZED', error_message: 'Token rejected' } });
    const apiCallsBefore = bed.apiServer.requests.length;

    const error = await bed.client.listOrders().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InpostPayApiException);
    expect(error).toMatchObject({ status: 401, errorCode: 'UNAUTHORIZED', method: 'GET', path: '/v1/izi/orders' });
    expect(bed.apiServer.requests.length - apiCallsBefore).toBe(2);
    expect(bed.tokenServer.requests).toHaveLength(2);
  });

  it('makes no token request per call when the API refuses every token', async () => {
    bed.apiServer.script = () => ({ status: 401, body: { error_code: 'UNAUTHORIZED', error_message: 'Merchant access revoked' } });
    const apiCallsBefore = bed.apiServer.requests.length;

    const outcomes = [];
    for (let call = 0; call < 10; call += 1) outcomes.push(await bed.client.listOrders().catch((caught: unknown) => caught));

    expect(outcomes.every((outcome) => outcome instanceof InpostPayApiException && outcome.status === 401)).toBe(true);
    expect(bed.tokenServer.requests).toHaveLength(2);
    expect(bed.apiServer.requests.length - apiCallsBefore).toBe(11);
  });

  it('keeps a token obtained meanwhile when a late 401 names an older one', async () => {
    const first = bed.tokenServer.issued[0]!.token;
    bed.tokens.invalidate(first);
    const second = await bed.tokens.getBearerToken();

    bed.tokens.invalidate(first);

    await expect(bed.tokens.getBearerToken()).resolves.toBe(second);
    expect(bed.tokenServer.requests).toHaveLength(2);
  });
});
