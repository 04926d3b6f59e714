import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The `transport` axios accepts: something with node's `request(options, callback)`. */
export interface DeadlineTransport {
  request(options: RequestOptions, callback?: (response: IncomingMessage) => void): ClientRequest;
}

const EXCEEDED = Symbol('inpostPayDeadlineExceeded');

/** True when `request` (an axios error's `request`) was cut off by a `deadlineTransport` deadline. */
export function deadlineExceeded(request: unknown): boolean {
  return typeof request === 'object' && request !== null && (request as { [EXCEEDED]?: boolean })[EXCEEDED] === true;
}

/**
 * An axios `transport` (node's `http`/`https`) that bounds each request as a whole, headers and
 * body, to `timeoutMs` from the moment it is sent; axios's own `timeout` stops counting once the
 * headers arrive, so a slowly trickling body could otherwise outlast it. A late request is
 * destroyed and marked (see `deadlineExceeded`). One plain timer per request: no AbortSignal on
 * the hot path.
 */
export function deadlineTransport(timeoutMs: number): DeadlineTransport {
  return {
    request(options, callback) {
      const send = options.protocol === 'https:' ? httpsRequest : httpRequest;
      const request: ClientRequest & { [EXCEEDED]?: boolean } = send(options, callback);
      const timer = setTimeout(() => {
        request[EXCEEDED] = true;
        request.destroy(Object.assign(new Error(`no complete answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }));
      }, timeoutMs);
      timer.unref();
      request.once('close', () => clearTimeout(timer));
      return request;
    },
  };
}
