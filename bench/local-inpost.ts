import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { InpostSigner } from '../test/support/inpost-signer.js';

/** Counters of the local stand-in for InPost. */
export interface LocalInpostCounters {
  tokenRequests: number;
  apiRequests: number;
  unauthorized: number;
}

/**
 * A lean stand-in for InPost on loopback: a token endpoint issuing tokens of `lifetimeSeconds`,
 * and an API that checks them (401 when unknown or expired) and answers payment methods and
 * signing keys. Keeps counters only, so that it costs the same on every call it serves.
 */
export class LocalInpost {
  readonly counters: LocalInpostCounters = { tokenRequests: 0, apiRequests: 0, unauthorized: 0 };
  lifetimeSeconds = 300;
  private readonly tokens = new Map<string, number>();
  private readonly server: Server;
  private port = 0;

  constructor(private readonly signer?: InpostSigner) {
    this.server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const url = request.url ?? '/';
        if (url === '/token') {
          this.counters.tokenRequests += 1;
          const token = randomBytes(16).toString('hex');
          this.tokens.set(token, Date.now() + this.lifetimeSeconds * 1000);
          this.json(response, 200, { access_token: token, expires_in: this.lifetimeSeconds, token_type: 'Bearer' });
          return;
        }
        this.counters.apiRequests += 1;
        const token = (request.headers.authorization ?? '').slice('Bearer '.length);
        const expiresAt = this.tokens.get(token);
        if (token !== 'static-bench-token' && (expiresAt === undefined || Date.now() >= expiresAt)) {
          this.counters.unauthorized += 1;
          this.json(response, 401, { error_code: 'UNAUTHORIZED', error_message: 'Unauthorized' });
          return;
        }
        if (url.startsWith('/v1/izi/signing-keys/public/') && this.signer) {
          this.json(response, 200, {
            merchant_external_id: this.signer.merchantExternalId,
            public_key: { public_key_base64: this.signer.publicKeyBase64, version: this.signer.version },
          });
          return;
        }
        this.json(response, 200, { payment_type: ['CARD', 'BLIK_CODE'] });
      });
    });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  resetCounters(): void {
    Object.assign(this.counters, { tokenRequests: 0, apiRequests: 0, unauthorized: 0 });
  }

  private json(response: import('node:http').ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  }
}
