import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from './http-io.js';

/** A fault of the OAuth2 token endpoint. */
export type TokenEndpointFault =
  /** The connection is destroyed without an answer (the client sees a reset / "socket hang up"). */
  | { mode: 'reset' }
  /** The answer comes `ms` milliseconds late, otherwise normal. */
  | { mode: 'delay'; ms: number }
  /** Answers `status` with a Keycloak-style `{error, error_description}` body, and `Retry-After` when given. */
  | { mode: 'status'; status: number; retryAfterSeconds?: number };

/** A fault of every InPost Pay API route (everything but the token endpoint). */
export type ApiFault =
  /** Answers `status` with InPost's `{error_code, error_message}` body, and `Retry-After` when given. */
  | { mode: 'status'; status: number; retryAfterSeconds?: number }
  /** The answer comes `ms` milliseconds late, otherwise normal. */
  | { mode: 'delay'; ms: number }
  /** The connection is destroyed without an answer. */
  | { mode: 'reset' };

/**
 * Fault knobs for resilience tests; mutable at any time, read on each request before routing.
 * Set a field to inject the fault, set it to `undefined` to heal.
 */
export interface InpostPayEmulatorFaults {
  /** Fault of `POST /auth/realms/external/protocol/openid-connect/token`. */
  tokenEndpoint?: TokenEndpointFault;
  /** Fault of every InPost Pay API route, known or not. */
  api?: ApiFault;
}

const API_ERROR_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

const OAUTH_ERRORS: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_client',
  403: 'unauthorized_client',
  429: 'temporarily_unavailable',
  503: 'temporarily_unavailable',
};

function apiErrorCode(status: number): string {
  return API_ERROR_CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

function oauthError(status: number): string {
  return OAUTH_ERRORS[status] ?? (status >= 500 ? 'server_error' : 'invalid_request');
}

/** Delay timers of the `delay` faults; all of them are cancelled when the emulator stops. */
export class DelayTimers {
  private readonly pending = new Map<NodeJS.Timeout, (elapsed: boolean) => void>();

  /** Resolves true after `ms`, or false when cancelled first. */
  wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(true);
      }, Math.max(0, ms));
      this.pending.set(timer, resolve);
    });
  }

  /** Clears every pending timer; their waits resolve false. */
  cancelAll(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve(false);
    }
    this.pending.clear();
  }

  /** How many delays are pending. */
  get size(): number {
    return this.pending.size;
  }
}

/** Where a fault applies: the token endpoint answers OAuth errors, the API InPost's error body. */
export type FaultTarget = 'token' | 'api';

/**
 * Applies `fault` to a request. Resolves true when the request is to be handled normally (no
 * fault, or a delay that elapsed), false when the fault answered it or dropped it.
 */
export async function applyFault(
  fault: TokenEndpointFault | ApiFault | undefined,
  target: FaultTarget,
  request: IncomingMessage,
  response: ServerResponse,
  timers: DelayTimers,
): Promise<boolean> {
  if (!fault) return true;
  switch (fault.mode) {
    case 'reset':
      request.socket.destroy();
      return false;
    case 'delay':
      return timers.wait(fault.ms);
    case 'status': {
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      if (target === 'token') {
        sendJson(response, fault.status, { error: oauthError(fault.status), error_description: `Injected fault: HTTP ${fault.status}` }, headers);
      } else {
        sendError(response, fault.status, apiErrorCode(fault.status), `Injected fault: HTTP ${fault.status}`, headers);
      }
      return false;
    }
  }
}
