import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { EmulatorSigningKey } from './signing.js';

/** Requests the app simulator has in flight; the emulator destroys them when it stops. */
export class InflightRequests {
  private readonly requests = new Set<ClientRequest>();

  track(request: ClientRequest): void {
    this.requests.add(request);
    request.once('close', () => this.requests.delete(request));
  }

  destroyAll(reason: string): void {
    for (const request of this.requests) request.destroy(new Error(reason));
    this.requests.clear();
  }
}

/** One signed call to the merchant backend. */
export interface SignedCall {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly url: string;
  /** JSON body; serialised once, and exactly those bytes are signed and sent. */
  readonly body?: unknown;
}

/** The merchant's raw answer. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** What a signed call needs besides the call itself. */
export interface SignedCallDeps {
  readonly signingKey: EmulatorSigningKey;
  readonly inflight: InflightRequests;
  /** `x-signature-timestamp`, ISO-8601 UTC with ms. */
  readonly timestamp: string;
  readonly timeoutMs: number;
}

/**
 * Sends one call signed as reference 5.1 describes, on a connection of its own (no keep-alive, so
 * nothing stays open after the answer).
 */
export function sendSigned(call: SignedCall, deps: SignedCallDeps): Promise<RawAnswer> {
  const payload = call.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(call.body), 'utf8');
  const headers: OutgoingHttpHeaders = {
    Accept: 'application/json',
    'User-Agent': 'inpost-pay-emulator',
    Connection: 'close',
    ...deps.signingKey.headers(payload, deps.timestamp),
  };
  if (call.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = payload.length;
  }
  const url = new URL(call.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: call.method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    deps.inflight.track(request);
    request.setTimeout(deps.timeoutMs, () => request.destroy(new Error(`${call.method} ${call.url}: no answer within ${deps.timeoutMs} ms`)));
    request.on('error', reject);
    request.end(payload.length > 0 ? payload : undefined);
  });
}
