import { InpostPayException } from './inpost-pay.exception.js';

/** Where a failed API call went. */
export interface InpostPayRequestTarget {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Request path on the API base URL, without the query string. */
  readonly path: string;
}

/** The InPost Pay API answered with a non-2xx status. */
export class InpostPayApiException extends InpostPayException {
  override readonly name = 'InpostPayApiException';
  readonly method: string;
  readonly path: string;
  /** HTTP status of the answer. */
  readonly status: number;
  /** InPost's `error_code`, when the body had one (for example `BASKET_NOT_FOUND`). */
  readonly errorCode?: string;
  /** InPost's `error_message`, when the body had one. */
  readonly errorMessage?: string;

  constructor(target: InpostPayRequestTarget, status: number, errorCode?: string, errorMessage?: string) {
    const detail = [errorCode, errorMessage && `(${errorMessage})`].filter(Boolean).join(' ');
    super(`InPost Pay API answered HTTP ${status}${detail ? ` ${detail}` : ''} to ${target.method} ${target.path}`);
    this.method = target.method;
    this.path = target.path;
    this.status = status;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }
}

/** The InPost Pay API did not answer within `timeoutMs`. */
export class InpostPayTimeoutException extends InpostPayException {
  override readonly name = 'InpostPayTimeoutException';
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;

  constructor(target: InpostPayRequestTarget, timeoutMs: number) {
    super(`InPost Pay API did not answer ${target.method} ${target.path} within ${timeoutMs} ms`);
    this.method = target.method;
    this.path = target.path;
    this.timeoutMs = timeoutMs;
  }
}

/** The InPost Pay API could not be reached (connection refused or reset, DNS failure, ...). */
export class InpostPayNetworkException extends InpostPayException {
  override readonly name = 'InpostPayNetworkException';
  readonly method: string;
  readonly path: string;
  /** The system error code, for example `ECONNREFUSED`. */
  readonly code?: string;

  constructor(target: InpostPayRequestTarget, code?: string) {
    super(`InPost Pay API could not be reached for ${target.method} ${target.path}${code ? ` (${code})` : ''}`);
    this.method = target.method;
    this.path = target.path;
    this.code = code;
  }
}
