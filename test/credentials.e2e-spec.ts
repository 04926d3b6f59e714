import { inspect } from 'node:util';
import { InpostPayEndpointException } from '../lib/index.js';
import { startTestBed, type InpostPayTestBed } from './support/inpost-pay-test-app.js';

const WRONG_SECRET = 'wrong-secret-4f1d9c7a2b';

describe('token endpoint failures', () => {
  let bed: InpostPayTestBed | undefined;

  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  it('rejects wrong credentials with the OAuth error, never showing the secret, and logs the fix once', async () => {
    bed = await startTestBed({ clientSecret: WRONG_SECRET, tokenRefresh: { retryBaseDelayMs: 1, retryMaxDelayMs: 1 } });

    const errors: unknown[] = [];
    while (bed.tokenServer.requests.length < 3) {
      errors.push(await bed.client.getPaymentMethods().catch((caught: unknown) => caught));
    }

    const error = errors[0] as InpostPayEndpointException;
    expect(error).toBeInstanceOf(InpostPayEndpointException);
    expect(error).toMatchObject({ failure: 'http', status: 401, error: 'invalid_client', errorDescription: 'Invalid client secret' });
    expect(error.isCredentialsRejected).toBe(true);
    for (const view of [error.message, String(error), error.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(view).not.toContain(WRONG_SECRET);
    }
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'InpostPayEndpointException', status: 401, error: 'invalid_client' });
    expect(bed.logger.matching('error', 'Configuration error')).toHaveLength(1);
    expect(bed.logger.matching('error', '"clientSecret"')).toHaveLength(1);
    expect(bed.logger.text).not.toContain(WRONG_SECRET);
    expect(bed.apiServer.requests).toHaveLength(0);
  });

  it('removes the secret when the endpoint echoes it in error_description', async () => {
    bed = await startTestBed();
    const secret = bed.tokenServer.clientSecret;
    bed.tokenServer.mode = { kind: 'status', status: 400, body: { error: 'invalid_request', error_description: `bad ${secret}` } };

    const error = (await bed.client.getPaymentMethods().catch((caught: unknown) => caught)) as InpostPayEndpointException;

    expect(error).toMatchObject({ status: 400, error: 'invalid_request', errorDescription: 'bad [redacted]' });
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(bed.logger.text).not.toContain(secret);
  });

  it('fails fast with the last error while waiting to retry, without asking the endpoint again', async () => {
    bed = await startTestBed({ tokenRefresh: { retryBaseDelayMs: 60_000, retryMaxDelayMs: 60_000 } });
    bed.tokenServer.mode = { kind: 'status', status: 429, body: { error: 'slow_down' }, headers: { 'Retry-After': '1' } };

    const first = await bed.client.getPaymentMethods().catch((caught: unknown) => caught);
    const second = await bed.client.getPaymentMethods().catch((caught: unknown) => caught);

    expect(first).toMatchObject({ status: 429, retryAfterMs: 1000 });
    expect(second).toBe(first);
    expect(bed.tokenServer.requests).toHaveLength(1);
  });

  it.each([
    ['invalid JSON', { kind: 'invalid-json' } as const, 'invalid_response'],
    ['a hang past the timeout', { kind: 'hang' } as const, 'timeout'],
  ])('turns %s into InpostPayEndpointException', async (_label, mode, failure) => {
    bed = await startTestBed({ timeoutMs: 300 });
    bed.tokenServer.mode = mode;

    const error = await bed.client.getPaymentMethods().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InpostPayEndpointException);
    expect(error).toMatchObject({ failure });
  });

  it('turns a refused connection into InpostPayEndpointException', async () => {
    bed = await startTestBed({ tokenUrl: 'http://127.0.0.1:9/token' });

    const error = await bed.client.getPaymentMethods().catch((caught: unknown) => caught);

    expect(error).toMatchObject({ name: 'InpostPayEndpointException', failure: 'network', error: 'ECONNREFUSED' });
  });
});
