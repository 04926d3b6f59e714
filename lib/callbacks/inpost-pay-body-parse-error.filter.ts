import { Catch, HttpException, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';

/** InPost's answer to the platform body parser's refusal of a body (Express or Fastify), if it is one. */
function bodyParseAnswer(exception: HttpException): { status: number; body: { error_code: string; error_message: string } } | undefined {
  const cause = exception.cause as { code?: unknown } | undefined;
  const fastifyCode = typeof cause?.code === 'string' && cause.code.startsWith('FST_ERR_CTP_') ? cause.code : undefined;
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: { error_code: 'UNSUPPORTED_MEDIA_TYPE', error_message: 'Unsupported media type' } };
  }
  if (exception.getStatus() === 400 && (cause instanceof SyntaxError || fastifyCode)) {
    return { status: 400, body: { error_code: 'MALFORMED_REQUEST', error_message: 'The body is not valid JSON' } };
  }
  return undefined;
}

/**
 * Opt-in global filter for the one error route-scoped filters cannot see: the platform's body
 * parser refuses a malformed body (or, on Fastify, an unknown media type) before routing. For
 * requests signed by InPost (they carry `x-signature`), it answers 400 `MALFORMED_REQUEST` (or
 * 415 `UNSUPPORTED_MEDIA_TYPE`) in InPost's format; everything
 * else goes to Nest's default handling unchanged. Register it with
 * `app.useGlobalFilters(new InpostPayBodyParseErrorFilter(app.get(HttpAdapterHost).httpAdapter))`.
 */
@Catch(HttpException)
export class InpostPayBodyParseErrorFilter extends BaseExceptionFilter {
  override catch(exception: HttpException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ raw?: IncomingMessage } & IncomingMessage>();
    const headers = (request.raw ?? request).headers;
    const adapter = this.applicationRef ?? this.httpAdapterHost?.httpAdapter;
    const answer = bodyParseAnswer(exception);
    if (!adapter || !answer || headers['x-signature'] === undefined) {
      super.catch(exception, host);
      return;
    }
    adapter.reply(http.getResponse(), answer.body, answer.status);
  }
}
