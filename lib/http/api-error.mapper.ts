import axios from 'axios';
import { deadlineExceeded } from './deadline-transport.js';
import {
  InpostPayApiException,
  InpostPayNetworkException,
  InpostPayTimeoutException,
  type InpostPayRequestTarget,
} from '../errors/inpost-pay-api.exception.js';

function stringField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value.slice(0, 500) : undefined;
}

/**
 * Turns an axios error into the module's own exception, built from plain fields only: the axios
 * error (which holds the request headers, Authorization included) is dropped. Anything else is
 * returned unchanged.
 */
export function toInpostPayException(
  error: unknown,
  target: InpostPayRequestTarget,
  timeoutMs: number,
): unknown {
  if (!axios.isAxiosError(error)) return error;
  if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT' || deadlineExceeded(error.request)) {
    return new InpostPayTimeoutException(target, timeoutMs);
  }
  if (error.response) {
    const body = error.response.data;
    return new InpostPayApiException(
      target,
      error.response.status,
      stringField(body, 'error_code'),
      stringField(body, 'error_message'),
    );
  }
  return new InpostPayNetworkException(target, error.code);
}
