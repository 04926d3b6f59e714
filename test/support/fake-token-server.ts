import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { LocalHttpServer, sendJson, trickle, type SeenRequest } from './http-server.js';

/** What the token endpoint does with the next requests. */
export type TokenEndpointMode =
  | { kind: 'issue' }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'invalid-json' }
  | { kind: 'hang' }
  | { kind: 'trickle' };

interface IssuedTokenRecord {
  token: string;
  expiresAt: number;
}

/** A Keycloak-like OAuth2 `client_credentials` endpoint on a real local HTTP server. */
export class FakeTokenServer {
  readonly clientId = 'merchant-client';
  readonly clientSecret = `secret-${randomBytes(12).toString('hex')}`;
  lifetimeSeconds = 300;
  mode: TokenEndpointMode = { kind: 'issue' };
  /** Every request received, successful or not. */
  readonly requests: SeenRequest[] = [];
  readonly issued: IssuedTokenRecord[] = [];
  private readonly http = new LocalHttpServer((request, response) => this.handle(request, response));
  private readonly issueWaiters: ((token: string) => void)[] = [];
  private readonly requestWaiters: { count: number; resolve: () => void }[] = [];
  private readonly hanging: ServerResponse[] = [];

  start(): Promise<string> {
    return this.http.start().then((url) => `${url}/auth/realms/external/protocol/openid-connect/token`);
  }

  close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    return this.http.close();
  }

  /** Stops listening (open connections dropped): token requests are refused until `acceptConnections()`. */
  refuseConnections(): Promise<void> {
    return this.http.stopListening();
  }

  /** Listens again on the same port after `refuseConnections()`. */
  acceptConnections(): Promise<void> {
    return this.http.listenAgain();
  }

  /** True while `token` was issued here and has not expired. */
  isValid(token: string): boolean {
    const record = this.issued.find((entry) => entry.token === token);
    return record !== undefined && Date.now() < record.expiresAt;
  }

  /** Resolves with the next token this endpoint issues. */
  nextIssue(): Promise<string> {
    return new Promise((resolve) => this.issueWaiters.push(resolve));
  }

  /** Resolves once this endpoint has received `count` requests in all. */
  waitForRequests(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.requestWaiters.push({ count, resolve }));
  }

  private handle(request: SeenRequest, response: ServerResponse): void {
    this.requests.push(request);
    for (const waiter of this.requestWaiters.filter((entry) => this.requests.length >= entry.count)) {
      this.requestWaiters.splice(this.requestWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    const mode = this.mode;
    switch (mode.kind) {
      case 'hang':
        this.hanging.push(response);
        return;
      case 'trickle':
        this.hanging.push(response);
        trickle(response);
        return;
      case 'invalid-json':
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{"access_token": ');
        return;
      case 'status':
        sendJson(response, mode.status, mode.body, mode.headers);
        return;
      case 'issue':
        this.issue(request, response);
    }
  }

  private issue(request: SeenRequest, response: ServerResponse): void {
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'client_credentials') {
      sendJson(response, 400, { error: 'invalid_request', error_description: 'Missing form parameter: grant_type' });
      return;
    }
    if (form.get('client_id') !== this.clientId) {
      sendJson(response, 401, { error: 'invalid_client', error_description: 'Invalid client credentials' });
      return;
    }
    if (form.get('client_secret') !== this.clientSecret) {
      sendJson(response, 401, { error: 'invalid_client', error_description: 'Invalid client secret' });
      return;
    }
    const token = `tok-${randomBytes(16).toString('hex')}`;
    this.issued.push({ token, expiresAt: Date.now() + this.lifetimeSeconds * 1000 });
    sendJson(response, 200, {
      access_token: token,
      expires_in: this.lifetimeSeconds,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'api:inpostpay',
    });
    for (const waiter of this.issueWaiters.splice(0)) waiter(token);
  }
}
