import { Catch, HttpException, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';

/** True for the platform body parser's refusal of a malformed JSON body (Express or Fastify). */
function isBodyParseError(exception: HttpException): boolean {
  const cause = exception.cause as { code?: unknown } | undefined;
  return (
    exception.getStatus() === 400 &&
    (cause instanceof SyntaxError || (typeof cause?.code === 'string' && cause.code.startsWith('FST_ERR_CTP_')))
  );
}

/**
 * Opt-in global filter for the one error route-scoped filters cannot see: the platform's JSON
 * body parser refuses a malformed body before routing. For requests signed by InPost (they
 * carry `x-signature`), it answers 400 `{ error_code: 'MALFORMED_REQUEST', ... }`; everything
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
    if (!adapter || !isBodyParseError(exception) || headers['x-signature'] === undefined) {
      super.catch(exception, host);
      return;
    }
    adapter.reply(
      http.getResponse(),
      { error_code: 'MALFORMED_REQUEST', error_message: 'The body is not valid JSON' },
      400,
    );
  }
}
