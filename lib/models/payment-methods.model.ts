import type { PaymentType } from './common.model.js';

/** Answer of `GET /v1/izi/payment-methods`. */
export interface PaymentMethods {
  payment_type: PaymentType[];
}
