import { applyDecorators, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { createCallbackValidationPipe } from './callback-validation.pipe.js';
import { InpostPayCallbackExceptionFilter } from './inpost-pay-callback-exception.filter.js';
import { InpostPayWebhookGuard } from './inpost-pay-webhook.guard.js';

/**
 * Marks a controller or route as InPost's transaction webhook (`POST /events` on the URL set in
 * the merchant panel): verifies the SHA-512 `X-Signature`, validates DTO bodies and answers every
 * error as `{ error_code, error_message }`. Whether webhooks come from the callback proxy
 * addresses is not documented; add `@UseGuards(InpostPayIpGuard)` to restrict them too.
 */
export function InpostPayWebhook(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    UseGuards(InpostPayWebhookGuard),
    UseFilters(InpostPayCallbackExceptionFilter),
    UsePipes(createCallbackValidationPipe()),
  );
}
