import axios from 'axios';
import {
  InpostPayApiException,
  InpostPayNetworkException,
  InpostPayTimeoutException,
  type InpostPayRequestTarget,
} from '../errors/inpost-pay-api.exception.js';
import { InpostPayException } from '../errors/inpost-pay.exception.js';

function stringField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value.slice(0, 500) : undefined;
}

/**
 * Turns whatever a client call threw into the module's own exception, built from plain fields
 * only: the axios error (which holds the request headers, Authorization included) is dropped.
 */
export function toInpostPayException(
  error: unknown,
  target: InpostPayRequestTarget,
  timeoutMs: number,
): InpostPayException {
  if (error instanceof InpostPayException) return error;
  if (!axios.isAxiosError(error)) return new InpostPayNetworkException(target);
  if (error.response) {
    const body = error.response.data;
    return new InpostPayApiException(
      target,
      error.response.status,
      stringField(body, 'error_code'),
      stringField(body, 'error_message'),
    );
  }
  if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
    return new InpostPayTimeoutException(target, timeoutMs);
  }
  return new InpostPayNetworkException(target, error.code);
}
