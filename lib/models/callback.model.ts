import type { Basket, PromoCode } from './basket.model.js';
import type {
  IsoDateTime,
  OrderStatus,
  PaymentStatus,
  PaymentType,
  PhoneNumber,
} from './common.model.js';
import type { CreateOrderRequest, Order } from './order.model.js';
import type { ProductList, ProductListQuery } from './product.model.js';

/** The customer's answer to a linking request in the InPost app. */
export type BasketConfirmationStatus = 'SUCCESS' | 'REJECT';

/** Browser facts sent with a basket confirmation. */
export interface BasketConfirmationBrowser {
  browser_trusted: boolean;
  browser_id?: string;
}

/** Body of InPost's `POST /v1/izi/basket/{basket_id}/confirmation` callback. */
export interface BasketConfirmationRequest {
  status: BasketConfirmationStatus;
  inpost_basket_id: string;
  phone_number: PhoneNumber;
  browser: BasketConfirmationBrowser;
  masked_phone_number: string;
  name: string;
  surname: string;
}

/** Answer to the basket confirmation callback: on `SUCCESS` the full basket, or linking fails. */
export type BasketConfirmationResponse = Basket;

/** What the customer changed in the app. */
export type BasketEventType = 'PRODUCTS_QUANTITY' | 'PROMO_CODES' | 'RELATED_PRODUCTS';

/** Quantity carried by a basket event; InPost may send more fields than `quantity`. */
export interface BasketEventQuantity {
  /** The wanted quantity; `0` removes the line. */
  quantity: number;
  quantity_type?: 'INTEGER' | 'DECIMAL';
  quantity_unit?: string;
}

/** One changed basket line of a `PRODUCTS_QUANTITY` event. */
export interface QuantityEventData {
  product_id: string;
  quantity: BasketEventQuantity;
}

/** One related product added by a `RELATED_PRODUCTS` event. */
export interface RelatedProductEventData {
  product_id: string;
  quantity: BasketEventQuantity;
  ean?: string;
}

/** Body of InPost's `POST /v1/izi/basket/{basket_id}/event` callback. */
export interface BasketEventRequest {
  event_id: string;
  event_data_time: IsoDateTime;
  event_type: BasketEventType;
  phone_number?: PhoneNumber;
  quantity_event_data?: QuantityEventData[];
  /** The full list of promo codes the customer wants, not a difference. */
  promo_codes_event_data?: PromoCode[];
  related_products_event_data?: RelatedProductEventData[];
}

/** Answer to the basket event callback: the whole updated basket. */
export type BasketEventResponse = Basket;

/** The `order_details` part of InPost's order creation callback. */
export type CreateOrderDetails = CreateOrderRequest['order_details'];

/** Answer to InPost's `POST /v1/izi/order` callback (200 or 201). */
export type CreateOrderResponse = Order;

/** What changed in an order, as InPost reports it. */
export interface OrderEventCallbackData {
  payment_status?: PaymentStatus;
  order_status?: OrderStatus;
  payment_id?: string;
  payment_reference?: string;
  payment_type?: PaymentType;
}

/** Body of InPost's `POST /v1/izi/order/{order_id}/event` callback: a payment or status update. */
export interface OrderEventCallbackRequest {
  event_id: string;
  event_data_time: IsoDateTime;
  phone_number?: PhoneNumber;
  event_data: OrderEventCallbackData;
}

/** Answer to the order event callback. */
export interface OrderEventCallbackResponse {
  order_merchant_status_description?: string;
  delivery_references_list?: string[];
}

/** Body of InPost's `POST /v1/izi/basket/product/{product_id}` callback (seen in plugin code only). */
export interface AddProductRequest {
  /** Absent: create a new basket. */
  basket_id?: string;
  phone_number?: PhoneNumber;
}

/** Answer to the add-product callback: the basket and its id. */
export type AddProductResponse = Basket & { basket_id: string };

/** Query of InPost's `GET /v1/izi/products` bestseller feed callback (seen in plugin code only). */
export type ProductFeedQuery = ProductListQuery;

/** Answer to the bestseller feed callback. */
export type ProductFeedResponse = ProductList;

/** Kind of a transaction webhook. */
export type TransactionWebhookEventType =
  | 'PAYMENT_AUTHORIZED'
  | 'PAYMENT_DECLINED'
  | 'REFUND'
  | 'REFUND_DECLINED'
  | 'SETTLEMENT';

/** Amount of a transaction webhook: `valueInCents` in API v2, `value` in v1. */
export interface TransactionWebhookAmount {
  valueInCents?: number | null;
  value?: number | string | null;
  currency: string;
}

/** Payment a transaction webhook refers to. */
export interface TransactionWebhookPayment {
  id?: string | null;
  method?: string | null;
  reference?: string | null;
}

/** Data of a transaction webhook. Which fields each event type carries is not documented, so all are optional and may be `null`. */
export interface TransactionWebhookEventData {
  operationId?: string | null;
  merchantId?: string | null;
  orderReference?: string | null;
  refundReference?: string | null;
  settlementId?: string | null;
  transferReference?: string | null;
  status?: string | null;
  amount?: TransactionWebhookAmount | null;
  payment?: TransactionWebhookPayment | null;
  eventDateTime?: IsoDateTime | null;
  createdDate?: IsoDateTime | null;
}

/** Body of a transaction webhook (`POST /events` on the URL set in the merchant panel). */
export interface TransactionWebhookEvent {
  eventType: TransactionWebhookEventType;
  eventData: TransactionWebhookEventData;
}
