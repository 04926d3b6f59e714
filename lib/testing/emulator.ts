import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_ROUTES } from './api-routes.js';
import { InpostPayAppSimulator, type InpostPayAppSimulatorOptions } from './app-simulator.js';
import { resolveEmulatorOptions, type InpostPayEmulatorOptions, type ResolvedEmulatorOptions } from './emulator-options.js';
import { EmulatorState, type EmulatorStateView } from './emulator-state.js';
import { DelayTimers, type InpostPayEmulatorFaults } from './faults.js';
import { EmulatorRequestHandler } from './request-handler.js';
import { RequestCounter } from './request-counter.js';
import { RouteTable } from './route-table.js';
import { EmulatorSigningKey } from './signing.js';
import { InflightRequests } from './simulator-http.js';
import { TOKEN_PATH, TokenEndpoint } from './token-endpoint.js';

/** The options to spread into `InpostPayModule.forRoot()` to point the module at an emulator. */
export interface InpostPayEmulatorModuleOptions {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  apiBaseUrl: string;
  transactionSecret: string;
}

/** The emulator's public signing key, as `GET /v1/izi/signing-keys/public/{version}` serves it. */
export interface InpostPayEmulatorSigningKey {
  version: string;
  /** base64 DER SubjectPublicKeyInfo (RSA 2048). */
  publicKeyBase64: string;
  merchantExternalId: string;
}

/**
 * An in-process InPost Pay on a local port, for end-to-end tests and demos: the OAuth2 token
 * endpoint, the InPost Pay API of reference section 3 with in-memory state, signing keys from an
 * RSA key pair it generates, an app simulator that calls the merchant's callback routes signed as
 * InPost does, fault knobs and request counts. Plain `node:http`; no Nest.
 *
 * ```ts
 * const emulator = new InpostPayEmulator();
 * await emulator.start();
 * // InpostPayModule.forRoot({ ...emulator.moduleOptions(), callbacks: { allowedIps: ['127.0.0.1', '::1'] } })
 * await emulator.app('http://127.0.0.1:3000/inpost').confirmBinding('B1');
 * await emulator.stop();
 * ```
 */
export class InpostPayEmulator {
  /** OAuth2 client id the token endpoint accepts. */
  readonly clientId: string;
  /** OAuth2 client secret the token endpoint accepts. */
  readonly clientSecret: string;
  /** The merchant's transaction API secret refunds must be signed with (reference 5.4). */
  readonly transactionSecret: string;
  /** Fault knobs, read on every request: set `faults.tokenEndpoint` or `faults.api`, set back to `undefined` to heal. */
  readonly faults: InpostPayEmulatorFaults = {};
  /** Read-only views of the in-memory state: baskets, bindings, orders, order events, products, transactions, refunds, issued tokens. */
  readonly state: EmulatorStateView;

  private readonly options: ResolvedEmulatorOptions;
  private readonly store: EmulatorState;
  private readonly key: EmulatorSigningKey;
  private readonly counter = new RequestCounter();
  private readonly timers = new DelayTimers();
  private readonly inflight = new InflightRequests();
  private readonly handler: EmulatorRequestHandler;
  private server?: Server;
  private starting?: Promise<void>;
  private url?: string;

  /** Creates the emulator (and its RSA key pair); nothing listens before `start()`. */
  constructor(options: InpostPayEmulatorOptions = {}) {
    this.options = resolveEmulatorOptions(options);
    this.clientId = this.options.clientId;
    this.clientSecret = this.options.clientSecret;
    this.transactionSecret = this.options.transactionSecret;
    this.store = new EmulatorState(this.options.now);
    this.state = this.store.view();
    this.key = new EmulatorSigningKey(this.options.keyVersion, this.options.merchantExternalId);
    const tokenEndpoint = new TokenEndpoint(this.clientId, this.clientSecret, this.options.tokenLifetimeSeconds, this.store);
    this.handler = new EmulatorRequestHandler({
      tokenEndpoint,
      routes: new RouteTable(API_ROUTES),
      context: { state: this.store, options: this.options, signingKey: this.key },
      counter: this.counter,
      faults: this.faults,
      timers: this.timers,
    });
  }

  /** Starts listening on the configured host and port. Calling it again while started (or starting) does nothing more. */
  start(): Promise<void> {
    this.starting ??= this.listen().catch((error: unknown) => {
      this.starting = undefined;
      this.server = undefined;
      throw error;
    });
    return this.starting;
  }

  /**
   * Stops: cancels pending fault delays, aborts the app simulator's calls in flight, rejects
   * pending `waitForRequests()`, closes every connection and the server. Leaves no open handle.
   * Does nothing when not started; the emulator can be started again afterwards (state is kept).
   */
  async stop(): Promise<void> {
    const starting = this.starting;
    if (!starting) return;
    await starting.catch(() => undefined);
    const server = this.server;
    this.starting = undefined;
    this.server = undefined;
    this.url = undefined;
    this.timers.cancelAll();
    this.inflight.destroyAll('InpostPayEmulator stopped');
    this.counter.rejectWaiters('InpostPayEmulator stopped');
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** `http://host:port` of the running emulator. Throws before `start()` resolved. */
  get baseUrl(): string {
    if (!this.url) throw new Error('InpostPayEmulator is not started: await emulator.start() first');
    return this.url;
  }

  /** The OAuth2 token endpoint: `${baseUrl}/auth/realms/external/protocol/openid-connect/token`. */
  get tokenUrl(): string {
    return `${this.baseUrl}${TOKEN_PATH}`;
  }

  /** The InPost Pay API base URL (the same as `baseUrl`). */
  get apiBaseUrl(): string {
    return this.baseUrl;
  }

  /** Options to spread into `InpostPayModule.forRoot()`: clientId, clientSecret, tokenUrl, apiBaseUrl, transactionSecret. Needs a started emulator. */
  moduleOptions(): InpostPayEmulatorModuleOptions {
    return {
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      tokenUrl: this.tokenUrl,
      apiBaseUrl: this.apiBaseUrl,
      transactionSecret: this.transactionSecret,
    };
  }

  /** Requests received on a route key such as `'POST /token'` or `'PUT /v2/izi/basket/{basket_id}'` (templates, not concrete ids), faulted ones included. */
  requestCount(route: string): number {
    return this.counter.count(route);
  }

  /** Every route key with its request count. */
  requestCounts(): Record<string, number> {
    return this.counter.all();
  }

  /** Sets every request count back to zero. */
  resetRequestCounts(): void {
    this.counter.reset();
  }

  /**
   * Resolves once `route` has received `count` requests since the last reset (at once when it
   * already has); rejects when the emulator stops first. For waiting on a request without sleeping.
   */
  waitForRequests(route: string, count = 1): Promise<void> {
    return this.counter.waitFor(route, count);
  }

  /** An app simulator playing InPost's app against the merchant backend at `merchantBackendBaseUrl` (where its `v1/izi/...` callback routes live). */
  app(merchantBackendBaseUrl: string, options: InpostPayAppSimulatorOptions = {}): InpostPayAppSimulator {
    return new InpostPayAppSimulator(merchantBackendBaseUrl, { state: this.store, signingKey: this.key, inflight: this.inflight }, options);
  }

  /** The public signing key the app simulator's signatures verify with, and its `merchant_external_id`. */
  signingKey(): InpostPayEmulatorSigningKey {
    return { version: this.key.version, publicKeyBase64: this.key.publicKeyBase64, merchantExternalId: this.key.merchantExternalId };
  }

  private async listen(): Promise<void> {
    const server = createServer((request, response) => {
      void this.handler.handle(request, response);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { address, port } = server.address() as AddressInfo;
    this.url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  }
}
