import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyFault, type DelayTimers, type InpostPayEmulatorFaults } from './faults.js';
import { parseJson, readBody, sendError, sendJson } from './http-io.js';
import type { RequestCounter } from './request-counter.js';
import type { RouteContext, RouteTable } from './route-table.js';
import { TOKEN_PATH, TOKEN_ROUTE, type TokenEndpoint } from './token-endpoint.js';

/** What the request handler works with. */
export interface RequestHandlerDeps {
  readonly tokenEndpoint: TokenEndpoint;
  readonly routes: RouteTable;
  readonly context: RouteContext;
  readonly counter: RequestCounter;
  readonly faults: InpostPayEmulatorFaults;
  readonly timers: DelayTimers;
}

/**
 * Answers one HTTP request: reads the body, counts it under its route key, applies the fault of
 * its side (token endpoint or API), then the token endpoint, or for the API the bearer check,
 * routing (404 `NOT_FOUND`), JSON parsing (400 `MALFORMED_REQUEST`) and the route handler.
 */
export class EmulatorRequestHandler {
  constructor(private readonly deps: RequestHandlerDeps) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch {
      return;
    }
    if (response.destroyed || request.socket.destroyed) return;
    const method = request.method ?? 'GET';
    const { pathname: path, searchParams: query } = new URL(request.url ?? '/', 'http://emulator.invalid');
    const isToken = path === TOKEN_PATH;
    const match = isToken ? undefined : this.deps.routes.match(method, path);
    const key = isToken && method === 'POST' ? TOKEN_ROUTE : (match?.key ?? `${method} ${path}`);
    this.deps.counter.record(key);

    const fault = isToken ? this.deps.faults.tokenEndpoint : this.deps.faults.api;
    const proceed = await applyFault(fault, isToken ? 'token' : 'api', request, response, this.deps.timers);
    if (!proceed || response.destroyed) return;

    if (isToken) {
      if (method !== 'POST') sendJson(response, 405, { error: 'invalid_request', error_description: 'HTTP method not allowed' }, { Allow: 'POST' });
      else this.deps.tokenEndpoint.handle(body, request.headers, response);
      return;
    }
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !this.deps.tokenEndpoint.isValid(token)) {
      sendError(response, 401, 'UNAUTHORIZED', 'Missing, unknown or expired access token', { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    if (!match) {
      sendError(response, 404, 'NOT_FOUND', `No route ${method} ${path}`);
      return;
    }
    let parsed: unknown;
    if (match.route.jsonBody) {
      const json = parseJson(body);
      if (json.kind === 'malformed') {
        sendError(response, 400, 'MALFORMED_REQUEST', 'The request body is not valid JSON');
        return;
      }
      parsed = json.kind === 'json' ? json.value : undefined;
    }
    try {
      const answer = match.route.handle({ params: match.params, query, headers: request.headers, body: parsed }, this.deps.context);
      sendJson(response, answer.status, answer.body);
    } catch {
      sendError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  }
}
