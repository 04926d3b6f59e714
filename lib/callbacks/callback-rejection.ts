import type { CallbackRejectionReason } from '../events/inpost-pay-event.model.js';
import { InpostPayCallbackException } from './inpost-pay-callback.exception.js';

const REASON = Symbol('inpostPayRejectionReason');

type Rejection = InpostPayCallbackException & { [REASON]?: CallbackRejectionReason };

/** An `InpostPayCallbackException` for a callback refused before its handler ran, tagged with why (for monitoring). */
export function callbackRejection(
  status: number,
  errorCode: string,
  errorMessage: string,
  reason: CallbackRejectionReason,
): InpostPayCallbackException {
  const exception: Rejection = new InpostPayCallbackException(status, errorCode, errorMessage);
  Object.defineProperty(exception, REASON, { value: reason, enumerable: false });
  return exception;
}

/** Why the module refused a callback, when `exception` is such a refusal. */
export function rejectionReasonOf(exception: unknown): CallbackRejectionReason | undefined {
  return exception instanceof InpostPayCallbackException ? (exception as Rejection)[REASON] : undefined;
}
