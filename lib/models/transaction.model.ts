import type { IsoDateTime } from './common.model.js';

/** Status of a payment transaction. */
export type TransactionStatus =
  | 'PENDING'
  | 'AUTHORIZED'
  | 'CARD_VERIFIED'
  | 'CAPTURED'
  | 'REFUNDED'
  | 'PARTIALLY_REFUNDED'
  | 'CANCELLED'
  | 'DECLINED';

/** Query of `GET /v1/izi/transaction`. */
export interface TransactionListQuery {
  page?: number;
  per_page?: number;
  sort_by?: string;
  sort_direction?: 'ASC' | 'DESC' | string;
  order_id?: string;
  transaction_id?: string;
  merchant_pos_id?: string;
  amount_from?: number;
  amount_to?: number;
  currency?: string;
  date_from?: IsoDateTime;
  date_to?: IsoDateTime;
  paymentMethod?: string[];
  status?: TransactionStatus[];
}

/** Answer of `GET /v1/izi/transaction`. The item shape is loosely documented. */
export interface TransactionList {
  items: Record<string, unknown>[];
  page: number;
  per_page: number;
  count: number;
}

/** Body of a refund, without the `signature` the client computes. */
export interface RefundRequest {
  /** The merchant's own id of the refund. */
  external_refund_id?: string;
  /** Omit for a full refund. */
  refund_amount?: number | string;
  additional_business_data?: { additional_data?: string | Record<string, unknown> };
}

/** Options of `InpostPayClient.refundTransaction()`. */
export interface RefundOptions {
  /** Idempotency key sent as `X-Command-ID` (a UUID); generated when absent. Reuse it to retry safely. */
  commandId?: string;
}

/** Answer of `POST /v1/izi/transaction/{transaction_id}/refund`. */
export interface RefundResult {
  external_refund_id: string;
  refund_amount: number | string;
  status: string;
  description?: string;
}
