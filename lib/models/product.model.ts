import type { IsoDateTime, Price } from './common.model.js';

/** A "hot product" published to the InPost app (products endpoints, seen in plugin code only). */
export interface HotProduct {
  product_id: string;
  status?: 'ACTIVE' | 'INACTIVE';
  ean?: string;
  qr_code?: string;
  deep_link?: string;
  product_availability?: { start_date?: IsoDateTime; end_date?: IsoDateTime };
  product_name: string;
  product_description?: string;
  product_image?: string;
  additional_product_images?: { small_size?: string; normal_size?: string }[];
  price: Price;
  currency: string;
  quantity: { available_quantity?: number; quantity_type: 'INTEGER' | 'DECIMAL'; quantity_unit?: string };
  product_link?: string;
  product_attributes?: { attribute_name: string; attribute_value: string }[];
}

/** One created product, as answered by `POST /v1/izi/products`. */
export interface CreatedProduct {
  product_id: string;
  qr_code: string;
  deep_link: string;
}

/** Answer of `POST /v1/izi/products`. */
export interface CreatedProducts {
  content: CreatedProduct[];
}

/** Query of `GET /v1/izi/products`. */
export interface ProductListQuery {
  page_index?: number;
  page_size?: number;
  /** Passed through as given; the expected format is not documented. */
  product_ids?: string;
}

/** Answer of `GET /v1/izi/products`. */
export interface ProductList {
  content: HotProduct[];
  total_items: number;
  page_index: number;
  page_size: number;
}
