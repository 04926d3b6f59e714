import type { ServerResponse } from 'node:http';
import { LocalHttpServer, sendJson, trickle, type SeenRequest } from './http-server.js';
import type { FakeTokenServer } from './fake-token-server.js';

/** A scripted answer; return undefined to fall back to the default one. */
export type ApiScript = (request: SeenRequest) => { status: number; body?: unknown } | 'hang' | 'trickle' | undefined;

/** A stand-in for the InPost Pay API on a real local HTTP server that checks bearer tokens. */
export class FakeApiServer {
  readonly requests: SeenRequest[] = [];
  /** Answers 401 to tokens in this set even when they are valid. */
  readonly rejectedTokens = new Set<string>();
  unauthorizedAnswers = 0;
  script?: ApiScript;
  private readonly http = new LocalHttpServer((request, response) => this.handle(request, response));
  private readonly hanging: ServerResponse[] = [];

  constructor(private readonly tokens: FakeTokenServer) {}

  start(): Promise<string> {
    return this.http.start();
  }

  close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    return this.http.close();
  }

  private handle(request: SeenRequest, response: ServerResponse): void {
    this.requests.push(request);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.isValid(token) || this.rejectedTokens.has(token)) {
      this.unauthorizedAnswers += 1;
      sendJson(response, 401, { error_code: 'UNAUTHORIZED', error_message: 'Unauthorized' });
      return;
    }
    const scripted = this.script?.(request);
    if (scripted === 'hang' || scripted === 'trickle') {
      this.hanging.push(response);
      if (scripted === 'trickle') trickle(response);
      return;
    }
    if (scripted) {
      sendJson(response, scripted.status, scripted.body);
      return;
    }
    if (request.path === '/v1/izi/payment-methods') {
      sendJson(response, 200, { payment_type: ['CARD', 'BLIK_CODE'] });
      return;
    }
    sendJson(response, 200, { path: request.path });
  }
}
