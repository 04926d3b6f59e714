import { Controller, Get } from '@nestjs/common';
import { InpostPayClient, type PaymentMethods } from '../lib/index.js';

@Controller('inpost-pay')
export class PaymentMethodsController {
  constructor(private readonly inpostPay: InpostPayClient) {}

  /** The payment types InPost Pay offers this merchant. */
  @Get('payment-methods')
  paymentMethods(): Promise<PaymentMethods> {
    return this.inpostPay.getPaymentMethods();
  }
}
