import { InpostPayException } from './inpost-pay.exception.js';

/** What went wrong with a token request. */
export type InpostPayEndpointFailure =
  | 'http'
  | 'timeout'
  | 'network'
  | 'invalid_response'
  | 'expired_on_arrival'
  | 'shutdown';

/** Details of a failed token request. */
export interface InpostPayEndpointExceptionDetails {
  readonly failure: InpostPayEndpointFailure;
  /** HTTP status of the token endpoint's answer, when there was one. */
  readonly status?: number;
  /** OAuth2 `error` field of the answer (for example `invalid_client`). */
  readonly error?: string;
  /** OAuth2 `error_description` field of the answer. */
  readonly errorDescription?: string;
  /** Delay the endpoint asked for in a `Retry-After` header, in ms. */
  readonly retryAfterMs?: number;
}

/**
 * The OAuth2 token endpoint did not give a usable token. Raised by
 * `InpostPayTokenService.getBearerToken()` and therefore by every client call made without a
 * usable token. Never holds the client secret or a token.
 */
export class InpostPayEndpointException extends InpostPayException {
  override readonly name = 'InpostPayEndpointException';
  readonly failure: InpostPayEndpointFailure;
  readonly status?: number;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly retryAfterMs?: number;

  constructor(details: InpostPayEndpointExceptionDetails) {
    super(InpostPayEndpointException.describe(details));
    this.failure = details.failure;
    this.status = details.status;
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** True when InPost refused the client credentials: a configuration problem, not an outage. */
  get isCredentialsRejected(): boolean {
    return (
      this.failure === 'http' &&
      (this.status === 400 || this.status === 401) &&
      (this.error === 'invalid_client' || this.error === 'unauthorized_client')
    );
  }

  private static describe(details: InpostPayEndpointExceptionDetails): string {
    const prefix = 'InPost Pay token endpoint';
    switch (details.failure) {
      case 'http': {
        const oauth = [details.error, details.errorDescription && `(${details.errorDescription})`]
          .filter(Boolean)
          .join(' ');
        return `${prefix} answered HTTP ${details.status}${oauth ? `: ${oauth}` : ''}`;
      }
      case 'timeout':
        return `${prefix} did not answer in time`;
      case 'network':
        return `${prefix} could not be reached${details.error ? ` (${details.error})` : ''}`;
      case 'invalid_response':
        return `${prefix} answered without a usable access_token and expires_in`;
      case 'expired_on_arrival':
        return `${prefix} answered so late that the token was no longer usable`;
      case 'shutdown':
        return `${prefix} request was cancelled because the application is shutting down`;
    }
  }
}
