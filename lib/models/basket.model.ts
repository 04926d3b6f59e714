import type {
  BindingPlace,
  DeliveryCodeValue,
  DeliveryType,
  IsoDateTime,
  KeyValue,
  PageQuery,
  PaymentType,
  PhoneNumber,
  Price,
} from './common.model.js';

/** Quantity of a basket line. */
export interface ProductQuantity {
  quantity: number;
  quantity_type: 'INTEGER' | 'DECIMAL';
  quantity_unit?: string;
  available_quantity?: number;
  max_quantity?: number;
}

/** A product attribute (size, colour, ...). */
export interface ProductAttribute {
  attribute_name: string;
  attribute_value: string;
}

/** A variant of a product. */
export interface ProductVariant {
  variant_id: string;
  variant_name: string;
  [field: string]: unknown;
}

/** Extra images of a product. */
export interface ProductImages {
  small_size?: string;
  normal_size?: string;
}

/** A delivery option offered for one product. */
export interface ProductDelivery {
  delivery_type: DeliveryType;
  if_delivery_available?: boolean;
  [field: string]: unknown;
}

/** A basket line (reference 6, Product). */
export interface BasketProduct {
  product_id: string;
  product_name: string;
  base_price: Price;
  quantity: ProductQuantity;
  product_category?: string;
  ean?: string;
  product_description?: string;
  product_link?: string;
  product_image?: string;
  promo_price?: Price;
  lowest_price?: Price;
  product_attributes?: ProductAttribute[];
  variants?: ProductVariant[];
  additional_product_images?: ProductImages[];
  delivery_product?: ProductDelivery[];
  delivery_related_products?: ProductDelivery[];
  product_type?: 'PRODUCT' | 'DIGITAL';
}

/** Notice shown with the basket in the app. */
export interface BasketNotice {
  type: 'ERROR' | 'ATTENTION';
  description: string;
}

/** Totals and general facts of a basket. */
export interface BasketSummary {
  basket_base_price: Price;
  basket_promo_price?: Price;
  basket_final_price?: Price;
  currency: string;
  basket_expiration_date?: IsoDateTime;
  basket_additional_information?: string;
  payment_type?: PaymentType[];
  basket_notice?: BasketNotice;
  basket_additional_parameters?: KeyValue[];
}

/** An extra delivery service (COD, weekend delivery, ...). */
export interface DeliveryOptionExtra {
  delivery_name: string;
  delivery_code_value: DeliveryCodeValue;
  delivery_option_price: Price;
}

/** A way to deliver the basket. */
export interface DeliveryOption {
  delivery_type: DeliveryType;
  delivery_date?: IsoDateTime;
  delivery_price: Price;
  delivery_options?: DeliveryOptionExtra[];
  free_delivery_minimum_gross_price?: Price;
}

/** A promo code applied to the basket. */
export interface PromoCode {
  name?: string;
  promo_code_value: string;
  regulation_type?: 'OMNIBUS';
}

/** A promotion the app may advertise. */
export interface PromotionAvailable {
  type: 'MERCHANT' | 'ONLY_IN_APP';
  promo_code_value: string;
  description: string;
  start_date?: IsoDateTime;
  end_date?: IsoDateTime;
  priority?: number;
  details?: { link?: string };
}

/** A consent the customer is asked for. */
export interface Consent {
  consent_id: string;
  consent_link: string;
  consent_description: string;
  consent_version: string;
  requirement_type: 'OPTIONAL' | 'REQUIRED_ONCE' | 'REQUIRED_ALWAYS';
  label_link?: string;
  additional_consent_links?: { id: string; consent_link: string; label_link?: string }[];
}

/** The whole basket as the merchant sends it to InPost and answers InPost's basket callbacks. */
export interface Basket {
  summary: BasketSummary;
  delivery?: DeliveryOption[];
  products?: BasketProduct[];
  /** At most 10 advised. */
  related_products?: BasketProduct[];
  promo_codes?: PromoCode[];
  promotions_available?: PromotionAvailable[];
  consents?: Consent[];
}

/** Answer of `PUT /v2/izi/basket/{basket_id}/binding`. */
export interface BasketBindingKey {
  basket_binding_api_key: string;
}

/** Answer of `PUT /v2/izi/basket/{basket_id}`. */
export interface BasketUpdateResult {
  inpost_basket_id: string;
}

/** Browser facts sent with a v1 binding request. */
export interface BindingBrowser {
  browser_trusted?: boolean;
  browser_id?: string;
  [field: string]: unknown;
}

/** Body of `POST /v1/izi/basket/{basket_id}/binding`. */
export interface BasketBindingRequestV1 {
  binding_method: 'PHONE' | 'DEEP_LINK';
  binding_place: BindingPlace;
  /** Only with `binding_method: 'PHONE'`. */
  phone_number?: PhoneNumber;
  browser?: BindingBrowser;
}

/** Answer of `GET /v1/izi/basket/{basket_id}/binding`. */
export interface BasketBindingStatus {
  basket_linked: boolean;
  browser_trusted: boolean;
  inpost_basket_id?: string;
  client_details?: {
    phone_number: string;
    masked_phone_number: string;
    name: string;
    surname: string;
  };
}

/** Query of `GET /v1/izi/baskets`. */
export type BasketListQuery = PageQuery;

/** Answer of `GET /v1/izi/baskets`. The item shape is not documented. */
export interface BasketList {
  page_size: number;
  total_items: number;
  page_index: number;
  baskets: Record<string, unknown>[];
}
