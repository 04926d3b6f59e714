import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a test server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type RouteHandler = (request: SeenRequest, response: ServerResponse) => void | Promise<void>;

/** Reads a whole request body as text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Answers with a JSON body. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(text);
}

/**
 * Sends headers and `{` at once, then one space every 50 ms and never finishes: a server whose
 * headers are quick but whose body never completes. Stops when the client goes away.
 */
export function trickle(response: ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.write('{');
  const timer = setInterval(() => response.write(' '), 50);
  response.on('close', () => clearInterval(timer));
}

/** A real `node:http` server on 127.0.0.1 and a free port, closed with every connection it holds. */
export class LocalHttpServer {
  private readonly server: Server;
  private baseUrl?: string;

  constructor(handler: RouteHandler) {
    this.server = createServer((request, response) => {
      void readBody(request).then(async (body) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const seen: SeenRequest = {
          method: request.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: request.headers,
          body,
        };
        try {
          await handler(seen, response);
        } catch {
          if (!response.headersSent) sendJson(response, 500, { error_code: 'TEST_SERVER_ERROR', error_message: 'test server failed' });
        }
      });
    });
  }

  get url(): string {
    if (!this.baseUrl) throw new Error('server not started');
    return this.baseUrl;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * Stops listening and drops every open connection, keeping the URL: until `listenAgain()`,
   * connecting to the port is refused (ECONNREFUSED), as with a service that is down.
   */
  async stopListening(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  /** Listens again on the port of the first `start()`, after `stopListening()`. */
  async listenAgain(): Promise<void> {
    const port = Number(new URL(this.url).port);
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }
}
