import { SchedulerRegistry } from '@nestjs/schedule';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { InpostPayEndpointException, InpostPayTimeoutException } from '../lib/index.js';
import { InpostPayHttpAgents } from '../lib/http/inpost-pay-http-agents.js';
import type { FakeTokenServer } from './support/fake-token-server.js';
import { openSockets, passCloseCallbacks } from './support/handles.js';
import { startTestBed, type InpostPayTestBed } from './support/inpost-pay-test-app.js';

/** Passed as the `transactionSecret` option of every bed: it must never show up anywhere. */
const TRANSACTION_SECRET = `tx-secret-${randomBytes(16).toString('hex')}`;
const FAST_RETRIES = { retryBaseDelayMs: 50, retryMaxDelayMs: 200 };

/** A way for the token endpoint to misbehave, and how to stop it. */
interface TokenFault {
  name: string;
  inject(server: FakeTokenServer): void | Promise<void>;
  heal(server: FakeTokenServer): void | Promise<void>;
  /** What the `InpostPayEndpointException` callers get says about the failure. */
  failure: Record<string, unknown>;
  /** The request hangs until `timeoutMs`: callers after expiry join it, so they may wait for it. */
  hangs?: boolean;
  /** The endpoint asks for a wait (Retry-After) far longer than the retry backoff. */
  longRetryWait?: boolean;
  /** Nothing listens on the port: attempts cannot be counted at the server, only in the log. */
  refused?: boolean;
}

const TOKEN_FAULTS: TokenFault[] = [
  {
    name: 'refusing connections',
    inject: (server) => server.refuseConnections(),
    heal: (server) => server.acceptConnections(),
    failure: { failure: 'network', error: 'ECONNREFUSED' },
    refused: true,
  },
  {
    name: 'hanging past timeoutMs',
    inject: (server) => {
      server.mode = { kind: 'hang' };
    },
    heal: (server) => {
      server.mode = { kind: 'issue' };
    },
    failure: { failure: 'timeout' },
    hangs: true,
  },
  {
    name: 'answering invalid JSON',
    inject: (server) => {
      server.mode = { kind: 'invalid-json' };
    },
    heal: (server) => {
      server.mode = { kind: 'issue' };
    },
    failure: { failure: 'invalid_response', status: 200 },
  },
  {
    name: 'answering 429 with Retry-After: 1',
    inject: (server) => {
      server.mode = { kind: 'status', status: 429, body: { error: 'too_many_requests' }, headers: { 'Retry-After': '1' } };
    },
    heal: (server) => {
      server.mode = { kind: 'issue' };
    },
    failure: { failure: 'http', status: 429, error: 'too_many_requests', retryAfterMs: 1_000 },
    longRetryWait: true,
  },
  {
    name: 'answering 500',
    inject: (server) => {
      server.mode = { kind: 'status', status: 500, body: { error: 'server_error', error_description: 'internal error' } };
    },
    heal: (server) => {
      server.mode = { kind: 'issue' };
    },
    failure: { failure: 'http', status: 500, error: 'server_error' },
  },
];

/** Token requests made so far: those the server saw, plus (when it refuses connections) those refused. */
function tokenAttempts(bed: InpostPayTestBed, fault: TokenFault): number {
  const refused = fault.refused ? bed.logger.matching('warn', 'ECONNREFUSED').length : 0;
  return bed.tokenServer.requests.length + refused;
}

/** Calls the API one call after another until `until()` is true; counts successes, keeps failures. */
async function callUntil(bed: InpostPayTestBed, until: () => boolean): Promise<{ succeeded: number; failures: unknown[] }> {
  let succeeded = 0;
  const failures: unknown[] = [];
  while (!until()) {
    await bed.client.getPaymentMethods().then(
      () => (succeeded += 1),
      (error: unknown) => failures.push(error),
    );
  }
  return { succeeded, failures };
}

/** Asserts that neither the log output nor any of `errors` shows a secret or an issued token. */
function expectNoSecretsShown(bed: InpostPayTestBed, errors: unknown[]): void {
  const secrets: [string, string][] = [
    ['client secret', bed.tokenServer.clientSecret],
    ['transaction secret', TRANSACTION_SECRET],
    ...bed.tokenServer.issued.map((issued, index): [string, string] => [`issued token #${index + 1}`, issued.token]),
  ];
  const views: [string, string][] = [
    ['log output', bed.logger.text],
    ...errors.flatMap((error, index): [string, string][] => [
      [`JSON.stringify(error #${index + 1})`, JSON.stringify(error) ?? ''],
      [`inspect(error #${index + 1})`, inspect(error, { depth: 10 })],
      [`String(error #${index + 1})`, String(error)],
    ]),
  ];
  const leaks = secrets.flatMap(([secret, value]) =>
    views.filter(([, text]) => text.includes(value)).map(([where]) => `${secret} in ${where}`),
  );
  expect(bed.tokenServer.issued.length).toBeGreaterThan(0);
  expect(leaks).toEqual([]);
}

/** Waits for a server-side event, failing with `what` instead of the jest timeout when it does not come. */
async function within<T>(event: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([event, expired]);
  } finally {
    clearTimeout(timer);
  }
}

let bed: InpostPayTestBed | undefined;
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});

afterEach(async () => {
  const current = bed;
  bed = undefined;
  try {
    await current?.close();
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

describe('token endpoint faults with a 2 s token', () => {
  it.each(TOKEN_FAULTS)(
    '$name: no call fails while the token is usable, then calls fail fast, then the service recovers by itself',
    async (fault) => {
      bed = await startTestBed({ timeoutMs: 300, transactionSecret: TRANSACTION_SECRET, tokenRefresh: FAST_RETRIES }, (server) => {
        server.lifetimeSeconds = 2;
      });
      const target = bed;
      const errors: unknown[] = [];
      const issuedAt = target.tokenServer.nextIssue().then(() => Date.now());
      await target.client.getPaymentMethods();
      const firstIssuedAt = await issuedAt;
      await fault.inject(target.tokenServer);

      // (a) The token is handed out until 1.6 s after its request was sent. Calls go on until
      // 1.3 s and until the proactive refresh (1.0–1.2 s) was tried (and, unless it hangs, failed),
      // but no later than 1.45 s, so that a late timer on a loaded machine cannot push them past 1.6 s.
      const refreshTried = () =>
        tokenAttempts(target, fault) >= 2 &&
        (fault.hangs === true || target.logger.matching('warn', 'The current token stays in service').length > 0);
      const usable = await callUntil(
        target,
        () => (Date.now() >= firstIssuedAt + 1_300 && refreshTried()) || Date.now() >= firstIssuedAt + 1_450,
      );
      errors.push(...usable.failures);
      expect(usable.failures).toEqual([]);
      expect(usable.succeeded).toBeGreaterThan(10);
      expect(refreshTried()).toBe(true);
      // Calls with a usable token add no token request: the refresh at >= 1.0 s and its retries
      // (>= 25 ms apart) until 1.45 s are all there may be.
      expect(tokenAttempts(target, fault)).toBeLessThanOrEqual(24);

      // (b) Once the token is no longer usable, calls fail with the endpoint's error...
      let firstFailure: unknown;
      while (firstFailure === undefined && Date.now() < firstIssuedAt + 8_000) {
        await target.client.getPaymentMethods().catch((error: unknown) => {
          firstFailure = error;
        });
      }
      errors.push(firstFailure);
      expect(firstFailure).toBeInstanceOf(InpostPayEndpointException);
      expect(firstFailure).toMatchObject(fault.failure);
      // ...and so do the calls right after it, without piling requests on the endpoint: inside a
      // retry wait a call gets the last error at once; only the retry timer asks the endpoint again.
      const attemptsBefore = tokenAttempts(target, fault);
      const burst: unknown[] = [];
      const burstDeadline = Date.now() + 6_000;
      while (burst.length < 100 && Date.now() < burstDeadline) {
        burst.push(await target.client.getPaymentMethods().then(() => 'succeeded', (error: unknown) => error));
      }
      const attemptsDuringBurst = tokenAttempts(target, fault) - attemptsBefore;
      errors.push(...burst);
      expect(burst).toHaveLength(100);
      expect(burst.filter((outcome) => !(outcome instanceof InpostPayEndpointException))).toEqual([]);
      expect(burst).toEqual(burst.map(() => expect.objectContaining(fault.failure)));
      expect(attemptsDuringBurst).toBeLessThanOrEqual(20);
      if (fault.longRetryWait) {
        // Retry-After: 1 puts the next attempt about 1 s after the failed refresh (1.0–1.2 s): the
        // whole burst falls inside that wait and gets the very same error, with no request at all.
        expect(burst.filter((outcome) => outcome !== firstFailure)).toEqual([]);
        expect(attemptsDuringBurst).toBe(0);
      }
      // No expired token was ever sent to the API.
      expect(target.apiServer.unauthorizedAnswers).toBe(0);

      // (c) Once the endpoint recovers, the service's own retry timer fetches a token and the next
      // call succeeds with it, in the same app.
      const nextIssue = target.tokenServer.nextIssue();
      await fault.heal(target.tokenServer);
      const freshToken = await within(nextIssue, 5_000, 'a token issued by the retry timer after recovery');
      const result = await target.client.getPaymentMethods();
      expect(result.payment_type).toContain('CARD');
      expect(target.apiServer.requests.at(-1)!.headers.authorization).toBe(`Bearer ${freshToken}`);

      expect(target.logger.matching('warn', 'Token request failed').length).toBeGreaterThanOrEqual(1);
      expect(target.logger.matching('log', 'Token request succeeded again')).toHaveLength(1);
      expect(unhandled).toEqual([]);
      expectNoSecretsShown(target, errors);
    },
    20_000,
  );
});

describe('API faults', () => {
  it('fails a call to a hanging API with InpostPayTimeoutException after timeoutMs, and the app stays healthy', async () => {
    bed = await startTestBed({ timeoutMs: 300, transactionSecret: TRANSACTION_SECRET });
    await bed.client.getPaymentMethods();
    bed.apiServer.script = () => 'hang';

    const started = performance.now();
    const methodsError = await bed.client.getPaymentMethods().catch((error: unknown) => error);
    const elapsedMs = performance.now() - started;
    const refundError = await bed.client.refundTransaction('txn-1', { refund_amount: '5.00' }).catch((error: unknown) => error);

    expect(methodsError).toBeInstanceOf(InpostPayTimeoutException);
    expect(methodsError).toMatchObject({ method: 'GET', path: '/v1/izi/payment-methods', timeoutMs: 300 });
    expect(elapsedMs).toBeGreaterThanOrEqual(250);
    expect(elapsedMs).toBeLessThan(3_000);
    expect(refundError).toBeInstanceOf(InpostPayTimeoutException);
    expect(refundError).toMatchObject({ method: 'POST', path: '/v1/izi/transaction/txn-1/refund', timeoutMs: 300 });

    bed.apiServer.script = undefined;
    const methods = await bed.client.getPaymentMethods();
    const refund = await bed.client.refundTransaction('txn-1', { refund_amount: '5.00' });

    expect(methods.payment_type).toContain('CARD');
    expect(refund).toMatchObject({ path: '/v1/izi/transaction/txn-1/refund' });
    // Each hung call was sent once (no retry of a timed-out refund), and the token was kept.
    expect(bed.apiServer.requests.map((request) => request.path)).toEqual([
      '/v1/izi/payment-methods',
      '/v1/izi/payment-methods',
      '/v1/izi/transaction/txn-1/refund',
      '/v1/izi/payment-methods',
      '/v1/izi/transaction/txn-1/refund',
    ]);
    expect(bed.tokenServer.requests).toHaveLength(1);
    expect(unhandled).toEqual([]);
    expectNoSecretsShown(bed, [methodsError, refundError]);
  }, 20_000);
});

describe('servers that send headers at once but never finish the body', () => {
  it('bound each API call and the token request as a whole by timeoutMs', async () => {
    bed = await startTestBed({ timeoutMs: 300, transactionSecret: TRANSACTION_SECRET });
    await bed.client.getPaymentMethods();
    bed.apiServer.script = () => 'trickle';

    const started = performance.now();
    const apiError = await bed.client.getPaymentMethods().catch((error: unknown) => error);
    const apiElapsedMs = performance.now() - started;

    expect(apiError).toBeInstanceOf(InpostPayTimeoutException);
    expect(apiError).toMatchObject({ method: 'GET', path: '/v1/izi/payment-methods', timeoutMs: 300 });
    expect(apiElapsedMs).toBeLessThan(3_000);

    bed.apiServer.script = undefined;
    bed.tokenServer.mode = { kind: 'trickle' };
    bed.tokens.invalidate(bed.tokenServer.issued[0]!.token);
    const tokenStarted = performance.now();
    const tokenError = await bed.tokens.getBearerToken().catch((error: unknown) => error);
    const tokenElapsedMs = performance.now() - tokenStarted;

    expect(tokenError).toBeInstanceOf(InpostPayEndpointException);
    expect(tokenError).toMatchObject({ failure: 'timeout' });
    expect(tokenElapsedMs).toBeLessThan(3_000);
    expect(unhandled).toEqual([]);
    expectNoSecretsShown(bed, [apiError, tokenError]);
  }, 20_000);
});

describe('shutdown during an in-flight token refresh', () => {
  it('closes cleanly while a proactive refresh hangs', async () => {
    bed = await startTestBed({ timeoutMs: 10_000, transactionSecret: TRANSACTION_SECRET, tokenRefresh: FAST_RETRIES }, (server) => {
      server.lifetimeSeconds = 2;
    });
    const registry = bed.app.get(SchedulerRegistry);
    const agents = bed.app.get(InpostPayHttpAgents, { strict: false });
    await bed.client.getPaymentMethods();
    bed.tokenServer.mode = { kind: 'hang' };
    await within(bed.tokenServer.waitForRequests(2), 5_000, 'the proactive refresh');
    expect(openSockets(agents)).toBeGreaterThan(0);

    await within(bed.app.close(), 5_000, 'app.close()');
    await passCloseCallbacks();

    expect(registry.getTimeouts()).toEqual([]);
    expect(openSockets(agents)).toBe(0);
    expect(bed.app.getHttpServer().listening).toBe(false);
    expect(bed.tokenServer.requests).toHaveLength(2);
    expect(bed.logger.matching('warn', 'Token request failed')).toEqual([]);
    expect(unhandled).toEqual([]);
    expectNoSecretsShown(bed, []);
  }, 20_000);

  it('rejects a call waiting for its refresh with failure "shutdown" and closes cleanly', async () => {
    bed = await startTestBed({ timeoutMs: 10_000, transactionSecret: TRANSACTION_SECRET, tokenRefresh: FAST_RETRIES });
    const registry = bed.app.get(SchedulerRegistry);
    const agents = bed.app.get(InpostPayHttpAgents, { strict: false });
    await bed.client.getPaymentMethods();
    bed.tokenServer.mode = { kind: 'hang' };
    // The API refuses the token: the call drops it, asks for a new one and waits for the hanging endpoint.
    bed.apiServer.rejectedTokens.add(bed.tokenServer.issued[0]!.token);
    const pending = bed.client.getPaymentMethods().catch((error: unknown) => error);
    await within(bed.tokenServer.waitForRequests(2), 5_000, 'the token request after the 401');

    await within(bed.app.close(), 5_000, 'app.close()');
    await passCloseCallbacks();
    const error = await pending;

    expect(error).toBeInstanceOf(InpostPayEndpointException);
    expect(error).toMatchObject({ failure: 'shutdown' });
    expect(bed.apiServer.unauthorizedAnswers).toBe(1);
    expect(registry.getTimeouts()).toEqual([]);
    expect(openSockets(agents)).toBe(0);
    expect(bed.tokenServer.requests).toHaveLength(2);
    expect(bed.logger.matching('warn', 'Token request failed')).toEqual([]);
    expect(unhandled).toEqual([]);
    expectNoSecretsShown(bed, [error]);
  }, 20_000);
});
