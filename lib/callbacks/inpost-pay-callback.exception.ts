import { HttpException } from '@nestjs/common';

/**
 * An answer to InPost in its error format `{ error_code, error_message }`. Throw it from a
 * callback handler, for example `new InpostPayCallbackException(404, 'BASKET_NOT_FOUND', 'Basket not found')`
 * or `new InpostPayCallbackException(409, 'ORDER_EXISTS', 'Order already created')`.
 */
export class InpostPayCallbackException extends HttpException {
  /** InPost's `error_code`. */
  override readonly errorCode: string;

  constructor(
    status: number,
    errorCode: string,
    /** InPost's `error_message`. */
    readonly errorMessage: string,
  ) {
    super({ error_code: errorCode, error_message: errorMessage }, status, { errorCode });
    this.errorCode = errorCode;
  }
}
