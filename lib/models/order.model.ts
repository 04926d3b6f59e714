import type { BasketProduct, Consent, DeliveryOptionExtra } from './basket.model.js';
import type {
  DeliveryCodeValue,
  DeliveryType,
  IsoDateTime,
  KeyValue,
  OrderStatus,
  PageInfo,
  PageQuery,
  PaymentStatus,
  PaymentType,
  PhoneNumber,
  Price,
} from './common.model.js';

/** A postal address of the customer. */
export interface ClientAddress {
  country_code: string;
  address: string;
  city: string;
  postal_code: string;
  address_details?: Record<string, unknown>;
}

/** The customer's account facts. */
export interface AccountInfo {
  name: string;
  surname: string;
  phone_number: PhoneNumber;
  mail: string;
  client_address: ClientAddress;
}

/** Invoice details, when the customer asked for an invoice. */
export interface InvoiceDetails {
  legal_form: 'PERSON' | 'COMPANY';
  country_code: string;
  tax_id_prefix?: string;
  tax_id?: string;
  company_name?: string;
  name?: string;
  surname?: string;
  city: string;
  street: string;
  building: string;
  flat?: string;
  postal_code: string;
  mail?: string;
  [field: string]: unknown;
}

/** Delivery chosen by the customer. */
export interface OrderDelivery {
  delivery_type: DeliveryType;
  delivery_codes?: DeliveryCodeValue[];
  mail?: string;
  phone_number?: PhoneNumber;
  delivery_point?: string;
  delivery_address?: Record<string, unknown>;
  courier_note?: string;
  digital_delivery_email?: string;
  delivery_date?: IsoDateTime;
  delivery_options?: DeliveryOptionExtra[];
  delivery_price?: Price;
}

/** A consent as the customer answered it. */
export interface ConsentAnswer {
  consent_id: string;
  consent_version: string;
  is_accepted: boolean;
}

/** Body of InPost's `POST /v1/izi/order` callback (reference 6, CreateOrder). */
export interface CreateOrderRequest {
  order_details: {
    basket_id: string;
    currency: string;
    basket_price: Price;
    payment_type: PaymentType;
    order_comments?: string;
    basket_additional_parameters?: KeyValue[];
  };
  account_info: AccountInfo;
  invoice_details?: InvoiceDetails;
  delivery: OrderDelivery;
  consents?: ConsentAnswer[];
}

/** Order facts answered to InPost. */
export interface OrderDetails {
  order_id: string;
  customer_order_id?: string;
  pos_id: string;
  order_creation_date: IsoDateTime;
  basket_id: string;
  payment_type: PaymentType;
  order_merchant_status_description: string;
  order_base_price: Price;
  order_final_price: Price;
  currency: string;
  delivery_references_list?: string[];
  payment_status?: PaymentStatus;
  order_status?: OrderStatus;
  [field: string]: unknown;
}

/** An order, as answered to InPost's order creation and order read callbacks. */
export interface Order {
  order_details: OrderDetails;
  account_info: AccountInfo;
  invoice_details?: InvoiceDetails;
  delivery: OrderDelivery;
  products: BasketProduct[];
  consents?: (Consent | ConsentAnswer)[];
}

/** Body of `POST /v1/izi/order/{order_id}/event`: the merchant reports an order update. */
export interface OrderEventRequest {
  /** Unique per event. */
  event_id: string;
  event_data_time: IsoDateTime;
  phone_number?: PhoneNumber;
  event_data: {
    order_status?: 'ORDER_COMPLETED' | 'ORDER_REJECTED';
    order_merchant_status_description?: string;
    delivery_references_list?: string[];
  };
  /** Sent by some plugins; not documented. */
  delivery?: Record<string, unknown>;
}

/** Query of `GET /v1/izi/orders`. */
export interface OrderListQuery extends PageQuery {
  order_id?: string;
}

/**
 * Answer of `GET /v1/izi/orders`. The name of the list field is cut off in InPost's docs, so
 * the list is left loosely typed.
 */
export interface OrderList extends PageInfo {
  [listField: string]: unknown;
}
