import { startTestBed, type InpostPayTestBed } from './support/inpost-pay-test-app.js';

describe('token service against a real token endpoint', () => {
  let bed: InpostPayTestBed | undefined;

  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  it('makes exactly one token request for 1 000 concurrent calls at a cold start', async () => {
    // The default timeout: the last of 1 000 simultaneous calls on a busy machine may take a few seconds.
    bed = await startTestBed({ timeoutMs: 10_000 });
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

describe('token refresh under continuous load', () => {
  let bed: InpostPayTestBed | undefined;

  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  /** Calls the API from `workers` parallel loops until `until()` is true; returns the failures. */
  async function callContinuously(target: InpostPayTestBed, workers: number, until: () => boolean): Promise<unknown[]> {
    const failures: unknown[] = [];
    const loop = async () => {
      while (!until()) {
        await target.client.getPaymentMethods().catch((error: unknown) => failures.push(error));
      }
    };
    await Promise.all(Array.from({ length: workers }, loop));
    return failures;
  }

  it('serves 10 s of calls on 2 s tokens with zero 401s and at most one token request per half lifetime', async () => {
    bed = await startTestBed({}, (tokenServer) => {
      tokenServer.lifetimeSeconds = 2;
    });
    const started = Date.now();
    const failures = await callContinuously(bed, 4, () => Date.now() - started >= 10_000);
    const elapsedMs = Date.now() - started;

    expect(failures).toEqual([]);
    expect(bed.apiServer.unauthorizedAnswers).toBe(0);
    expect(bed.apiServer.requests.length).toBeGreaterThan(100);
    const allowed = Math.floor(elapsedMs / 1_000) + 1;
    expect(bed.tokenServer.requests.length).toBeLessThanOrEqual(allowed);
    expect(bed.tokenServer.requests.length).toBeGreaterThanOrEqual(5);
  }, 20_000);

  it('keeps serving the still-valid token while the endpoint answers 503, then takes a fresh one after recovery', async () => {
    bed = await startTestBed({ tokenRefresh: { retryBaseDelayMs: 50, retryMaxDelayMs: 200 } }, (tokenServer) => {
      tokenServer.lifetimeSeconds = 8;
    });
    await bed.client.getPaymentMethods();
    const firstToken = bed.tokenServer.issued[0]!.token;
    bed.tokenServer.mode = { kind: 'status', status: 503, body: { error: 'temporarily_unavailable' } };

    let recovered = false;
    const load = callContinuously(bed, 2, () => recovered);
    await bed.tokenServer.waitForRequests(4);
    bed.tokenServer.mode = { kind: 'issue' };
    const freshToken = await bed.tokenServer.nextIssue();
    recovered = true;
    const failures = await load;

    expect(failures).toEqual([]);
    expect(bed.apiServer.unauthorizedAnswers).toBe(0);
    expect(freshToken).not.toBe(firstToken);
    await bed.client.getPaymentMethods();
    expect(bed.apiServer.requests.at(-1)!.headers.authorization).toBe(`Bearer ${freshToken}`);
    expect(bed.logger.matching('warn', 'The current token stays in service').length).toBeGreaterThanOrEqual(3);
  }, 20_000);
});
