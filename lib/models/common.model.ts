/** Money as InPost sends it: two decimals, `gross = net + vat`. Plugins send strings such as `"250.00"`. */
export interface Price {
  net: string | number;
  gross: string | number;
  vat: string | number;
}

/** A phone number split into prefix and national number, e.g. `{ country_prefix: '+48', phone: '600000000' }`. */
export interface PhoneNumber {
  country_prefix: string;
  phone: string;
}

/** ISO-8601 UTC timestamp with milliseconds, e.g. `2023-09-20T13:27:25.760Z`. */
export type IsoDateTime = string;

/** Payment types InPost Pay can offer. */
export type PaymentType =
  | 'CARD'
  | 'CARD_TOKEN'
  | 'GOOGLE_PAY'
  | 'APPLE_PAY'
  | 'BLIK_CODE'
  | 'BLIK_TOKEN'
  | 'PAY_BY_LINK'
  | 'SHOPPING_LIMIT'
  | 'DEFERRED_PAYMENT'
  | 'CASH_ON_DELIVERY';

/** Payment status of an InPost Pay order. */
export type PaymentStatus = 'UNPAID' | 'STARTED' | 'PENDING' | 'AUTHORIZED' | 'DECLINED' | 'CANCELLED' | 'ERROR' | 'COD';

/** Order status of an InPost Pay order. */
export type OrderStatus = 'ORDER_PROCESSING' | 'ORDER_COMPLETED' | 'ORDER_REJECTED';

/** Where on the merchant's site a v1 binding was started. */
export type BindingPlace =
  | 'PRODUCT_CARD'
  | 'BASKET_SUMMARY'
  | 'ORDER_CREATE'
  | 'BASKET_POPUP'
  | 'THANK_YOU_PAGE'
  | 'LOGIN_PAGE'
  | 'CHECKOUT_PAGE'
  | 'REGISTERFORM_PAGE'
  | 'MINICART_PAGE';

/** How a delivery reaches the customer. */
export type DeliveryType = 'APM' | 'COURIER' | 'DIGITAL';

/** Extra delivery services: cash on delivery, weekend parcel locker (PWW), size guarantee (GW). */
export type DeliveryCodeValue = 'COD' | 'PWW' | 'GW';

/** A free key/value pair. */
export interface KeyValue {
  key: string;
  value: string;
}

/** Query of InPost's paged list endpoints. */
export interface PageQuery {
  page_index?: number;
  page_size?: number;
}

/** Paging fields of InPost's paged list answers. */
export interface PageInfo {
  page_size: number;
  total_items: number;
  page_index: number;
}

/** InPost's error body. */
export interface InpostPayErrorBody {
  error_code: string;
  error_message: string;
}
