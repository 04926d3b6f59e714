import type { InpostPayEndpointFailure } from '../errors/inpost-pay-endpoint.exception.js';

/** The token service obtained a new access token, from the token endpoint or from another instance through the shared store. */
export interface TokenRefreshedEvent {
  readonly type: 'token.refreshed';
  readonly source: 'endpoint' | 'store';
  /** The token's whole lifetime, in ms. */
  readonly lifetimeMs: number;
}

/** A token request failed; `tokenStillUsable` tells whether callers keep being served meanwhile. */
export interface TokenRefreshFailedEvent {
  readonly type: 'token.refresh_failed';
  readonly failure: InpostPayEndpointFailure;
  /** HTTP status of the token endpoint's answer, when there was one. */
  readonly status?: number;
  /** OAuth2 `error` of the answer, for example `invalid_client`. */
  readonly error?: string;
  readonly retryInMs: number;
  readonly tokenStillUsable: boolean;
}

/** Why a callback was refused: the IP allow-list, the signature (or key) check, a replayed signature, or body validation. */
export type CallbackRejectionReason = 'ip' | 'signature' | 'replay' | 'validation';

/** A callback or transaction webhook was refused before its handler ran. */
export interface CallbackRejectedEvent {
  readonly type: 'callback.rejected';
  readonly reason: CallbackRejectionReason;
  readonly status: number;
  readonly errorCode: string;
  readonly method: string;
  /** The route's path template (for example `/inpost/v1/izi/basket/:basketId`), not the requested URL. */
  readonly route: string;
}

/** How an API call ended: an answer (any status), a timeout, a network failure, or no token to send. */
export type ApiCallOutcome = 'response' | 'timeout' | 'network' | 'no_token';

/** An `InpostPayClient` call finished. */
export interface ApiCallFinishedEvent {
  readonly type: 'api.call_finished';
  readonly method: string;
  /** The endpoint's path template, for example `/v2/izi/basket/{basket_id}`. */
  readonly path: string;
  /** HTTP status of the answer, when there was one. */
  readonly status?: number;
  readonly outcome: ApiCallOutcome;
  readonly durationMs: number;
}

/** Every monitoring event the module emits. */
export type InpostPayEvent = TokenRefreshedEvent | TokenRefreshFailedEvent | CallbackRejectedEvent | ApiCallFinishedEvent;

/** The name each event is emitted under on `@nestjs/event-emitter`'s `EventEmitter2`: `inpost-pay.` followed by its type. */
export const INPOST_PAY_EVENT_NAMES = {
  tokenRefreshed: 'inpost-pay.token.refreshed',
  tokenRefreshFailed: 'inpost-pay.token.refresh_failed',
  callbackRejected: 'inpost-pay.callback.rejected',
  apiCallFinished: 'inpost-pay.api.call_finished',
} as const;
