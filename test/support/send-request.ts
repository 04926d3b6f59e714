import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';

export interface SentRequest {
  method?: string;
  path: string;
  body?: string;
  headers?: OutgoingHttpHeaders;
  /** Source address of the client socket (any 127.0.0.0/8 address, or ::1). */
  localAddress?: string;
  /** Address to connect to; default 127.0.0.1. */
  host?: string;
}

export interface ReceivedResponse {
  status: number;
  body: string;
  json: () => unknown;
}

/** One HTTP request on a fresh connection bound to `localAddress`, so the server sees that peer. */
export function sendRequest(port: number, options: SentRequest): Promise<ReceivedResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body;
    const headers: OutgoingHttpHeaders = { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers };
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    const request = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        path: options.path,
        headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: text, json: () => JSON.parse(text) });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
