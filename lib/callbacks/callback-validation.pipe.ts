import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { callbackRejection } from './callback-rejection.js';

/** The dotted path of the first failing field, e.g. `order_details.basket_price.gross`. */
export function firstInvalidPath(errors: readonly ValidationError[], parent = ''): string {
  const [first] = errors;
  if (!first) return parent || 'body';
  const path = parent ? `${parent}.${first.property}` : first.property;
  return first.children?.length ? firstInvalidPath(first.children, path) : path;
}

/**
 * Validates callback bodies with their class-validator DTO; a mismatch answers 400
 * `MALFORMED_REQUEST` naming the field, before the handler runs. Unknown fields are tolerated.
 */
export function createCallbackValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      callbackRejection(400, 'MALFORMED_REQUEST', `Invalid or missing field "${firstInvalidPath(errors)}"`, 'validation'),
  });
}
