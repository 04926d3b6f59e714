import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InpostPayErrorBody } from '../index.js';

/** Reads a whole request body. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Answers with a JSON body (or no body when `body` is undefined). */
export function sendJson(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  if (body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** InPost's error body. */
export function errorBody(code: string, message: string): InpostPayErrorBody {
  return { error_code: code, error_message: message };
}

/** Answers with InPost's error body `{error_code, error_message}`. */
export function sendError(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, errorBody(code, message), headers);
}

/** A JSON body parsed, absent (empty body) or malformed. */
export type ParsedJson = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'malformed' };

/** Parses a request body as JSON. */
export function parseJson(body: Buffer): ParsedJson {
  const text = body.toString('utf8');
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'malformed' };
  }
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
