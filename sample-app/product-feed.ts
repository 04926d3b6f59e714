import type { HotProduct, ProductFeedQuery, ProductFeedResponse } from '../lib/index.js';
import { CATALOGUE, type CatalogueProduct } from './catalogue.js';
import { price } from './money.js';

function toHotProduct(product: CatalogueProduct): HotProduct {
  return {
    product_id: product.id,
    status: 'ACTIVE',
    product_name: product.name,
    price: price(product.grossCents, product.vatRate),
    currency: 'PLN',
    quantity: { available_quantity: product.stock, quantity_type: 'INTEGER', quantity_unit: 'pcs' },
  };
}

/**
 * The bestseller feed InPost's app shows (`GET /v1/izi/products`): the catalogue, paged. The
 * format of `product_ids` is not documented; the sample reads it as a comma-separated list.
 */
export function productFeed(query: ProductFeedQuery): ProductFeedResponse {
  const pageIndex = Math.max(0, Number(query.page_index ?? 0) || 0);
  const pageSize = Math.min(100, Math.max(1, Number(query.page_size ?? 20) || 20));
  const wanted = query.product_ids ? new Set(String(query.product_ids).split(',').map((id) => id.trim())) : undefined;
  const products = CATALOGUE.filter((product) => !wanted || wanted.has(product.id));
  return {
    content: products.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize).map(toHotProduct),
    total_items: products.length,
    page_index: pageIndex,
    page_size: pageSize,
  };
}
