import { applyDecorators, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import { createCallbackValidationPipe } from './callback-validation.pipe.js';
import { InpostPayCallbackExceptionFilter } from './inpost-pay-callback-exception.filter.js';
import { InpostPayIpGuard } from './inpost-pay-ip.guard.js';
import { InpostPaySignatureGuard } from './inpost-pay-signature.guard.js';

/**
 * Marks a controller or a route as called by InPost (the Merchant Backend API): only InPost's
 * addresses get in (`InpostPayIpGuard`), the request signature is verified
 * (`InpostPaySignatureGuard`), DTO bodies are validated, and every error is answered as
 * `{ error_code, error_message }`. Routes without it are untouched.
 */
export function InpostPayCallback(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    UseGuards(InpostPayIpGuard, InpostPaySignatureGuard),
    UseFilters(InpostPayCallbackExceptionFilter),
    UsePipes(createCallbackValidationPipe()),
  );
}
