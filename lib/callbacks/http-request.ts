import type { ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

/** The parts of an Express or Fastify request the callback guards read. */
export interface CallbackRequest {
  /** The Node.js request under the framework's wrapper. */
  readonly raw: IncomingMessage;
  /** The exact body bytes, present when the app was created with `rawBody: true`. */
  readonly rawBody?: Buffer;
  readonly method: string;
  /** The path and query as requested. */
  readonly url: string;
}

/** Reads the request of a callback route on either adapter. */
export function callbackRequestOf(context: ExecutionContext): CallbackRequest {
  const request = context.switchToHttp().getRequest<{ raw?: IncomingMessage; rawBody?: Buffer } & IncomingMessage>();
  const raw = request.raw ?? request;
  return { raw, rawBody: request.rawBody, method: raw.method ?? 'GET', url: raw.url ?? '/' };
}

/** True when the request announced a body (a non-zero Content-Length or chunked transfer). */
export function announcesBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** One header's value, or undefined when it is absent or sent more than once. */
export function singleHeader(request: IncomingMessage, name: string): string | undefined {
  const values = request.headersDistinct[name];
  return values?.length === 1 ? values[0] : undefined;
}

/** True when the request's content type is JSON (`application/json` or a `+json` type). */
export function hasJsonContentType(request: IncomingMessage): boolean {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** The route's path template (`/inpost/v1/izi/basket/:basketId`) on Express or Fastify, else `unknown`. */
export function routeTemplateOf(request: { route?: { path?: unknown }; routeOptions?: { url?: unknown } }): string {
  const template = request.routeOptions?.url ?? request.route?.path;
  return typeof template === 'string' ? template : 'unknown';
}
