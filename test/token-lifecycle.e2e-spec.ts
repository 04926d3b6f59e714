import { startTestBed, type InpostPayTestBed } from './support/inpost-pay-test-app.js';

describe('token service against a real token endpoint', () => {
  let bed: InpostPayTestBed | undefined;

  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  it('makes exactly one token request for 1 000 concurrent calls at a cold start', async () => {
    bed = await startTestBed();
    const results = await Promise.all(Array.from({ length: 1000 }, () => bed!.client.getPaymentMethods()));

    expect(results).toHaveLength(1000);
    expect(results.every((result) => result.payment_type.includes('CARD'))).toBe(true);
    expect(bed.tokenServer.requests).toHaveLength(1);
    expect(bed.apiServer.requests).toHaveLength(1000);
    const bearer = `Bearer ${bed.tokenServer.issued[0]!.token}`;
    expect(bed.apiServer.requests.every((request) => request.headers.authorization === bearer)).toBe(true);
  });

  it('posts the client_credentials form and reuses the token afterwards', async () => {
    bed = await startTestBed();
    await bed.client.getPaymentMethods();
    await bed.client.getPaymentMethods();

    const [tokenRequest] = bed.tokenServer.requests;
    expect(tokenRequest!.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(tokenRequest!.headers.authorization).toBeUndefined();
    const form = new URLSearchParams(tokenRequest!.body);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe(bed.tokenServer.clientId);
    expect(form.get('client_secret')).toBe(bed.tokenServer.clientSecret);
    expect(bed.tokenServer.requests).toHaveLength(1);
  });
});
