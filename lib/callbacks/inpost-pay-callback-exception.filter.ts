import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { CallbackRejectionReason } from '../events/inpost-pay-event.model.js';
import { InpostPayEvents } from '../events/inpost-pay-events.js';
import { rejectionReasonOf } from './callback-rejection.js';
import { routeTemplateOf } from './http-request.js';
import { InpostPayCallbackException } from './inpost-pay-callback.exception.js';

const CODES_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
};

/** InPost's error body. */
export interface InpostPayErrorAnswer {
  status: number;
  body: { error_code: string; error_message: string };
}

/**
 * Maps any error to InPost's answer: `InpostPayCallbackException` as thrown, other HTTP
 * exceptions to a code for their status with a generic message, anything else to 500
 * `INTERNAL_SERVER_ERROR`. Never a stack, a version or an internal detail in the body.
 */
export function toInpostPayErrorAnswer(exception: unknown): InpostPayErrorAnswer {
  if (exception instanceof InpostPayCallbackException) {
    return { status: exception.getStatus(), body: { error_code: exception.errorCode, error_message: exception.errorMessage } };
  }
  if (exception instanceof HttpException && (exception.getStatus() < 500 || CODES_BY_STATUS[exception.getStatus()])) {
    const status = exception.getStatus();
    const code = CODES_BY_STATUS[status] ?? 'BAD_REQUEST';
    return { status, body: { error_code: code, error_message: code.toLowerCase().replace(/_/g, ' ') } };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { error_code: 'INTERNAL_SERVER_ERROR', error_message: 'Internal server error' },
  };
}

/**
 * Answers every error on `@InpostPayCallback()` and `@InpostPayWebhook()` routes in InPost's
 * format `{ error_code, error_message }`, on Express and Fastify alike. Unexpected errors are
 * logged by name and message (no stack) and answered with a generic 500.
 */
@Catch()
export class InpostPayCallbackExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(InpostPayCallbackExceptionFilter.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly events: InpostPayEvents,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const answer = toInpostPayErrorAnswer(exception);
    const reason = rejectionReasonOf(exception);
    if (reason) this.reportRejection(reason, answer, host);
    if (answer.status >= 500 && !(exception instanceof InpostPayCallbackException)) {
      const { name, message } = exception instanceof Error ? exception : { name: typeof exception, message: '' };
      this.logger.error(`Callback handler failed: ${name}: ${JSON.stringify(message.slice(0, 500))}`);
    }
    const response = host.switchToHttp().getResponse();
    this.adapterHost.httpAdapter.reply(response, answer.body, answer.status);
  }

  private reportRejection(reason: CallbackRejectionReason, answer: InpostPayErrorAnswer, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<{ method?: string; route?: { path?: unknown }; routeOptions?: { url?: unknown } }>();
    this.events.emit({
      type: 'callback.rejected',
      reason,
      status: answer.status,
      errorCode: answer.body.error_code,
      method: request.method ?? 'UNKNOWN',
      route: routeTemplateOf(request),
    });
  }
}
