import type { CreatedProduct, HotProduct } from '../index.js';
import { isObject } from './http-io.js';
import { fail, intParam, listParam, pageOf, type ApiRoute } from './route-table.js';

function qrCode(productId: string): string {
  return `inpostpay-emulator://qr/${encodeURIComponent(productId)}`;
}

function deepLink(productId: string): string {
  return `inpostpay-emulator://product/${encodeURIComponent(productId)}`;
}

/** Why a product body is not acceptable, or undefined when it is. */
function productProblem(product: unknown, where: string): string | undefined {
  if (!isObject(product)) return `${where} must be a JSON object`;
  if (typeof product['product_id'] !== 'string' || product['product_id'] === '') return `Missing field "${where}.product_id"`;
  if (typeof product['product_name'] !== 'string') return `Missing field "${where}.product_name"`;
  if (!isObject(product['price'])) return `Missing field "${where}.price"`;
  return undefined;
}

const productNotFound = () => fail(404, 'PRODUCT_NOT_FOUND', 'Product not found');

/** "Hot products" routes of reference section 3 (seen in plugin code only). */
export const productRoutes: readonly ApiRoute[] = [
  {
    method: 'POST',
    template: '/v1/izi/products',
    jsonBody: true,
    handle: ({ body }, { state }) => {
      if (!isObject(body) || !Array.isArray(body['content'])) return fail(400, 'BAD_REQUEST', 'Missing field "content"');
      const products = body['content'] as unknown[];
      const problem = products.map((product, index) => productProblem(product, `content[${index}]`)).find(Boolean);
      if (problem) return fail(400, 'BAD_REQUEST', problem);
      const ids = (products as HotProduct[]).map((product) => product.product_id);
      const duplicate = ids.find((id, index) => state.products.has(id) || ids.indexOf(id) !== index);
      if (duplicate !== undefined) return fail(409, 'PRODUCT_EXISTS', `Product ${duplicate} already exists`);
      const created: CreatedProduct[] = (products as HotProduct[]).map((product) => {
        const entry = { product_id: product.product_id, qr_code: qrCode(product.product_id), deep_link: deepLink(product.product_id) };
        state.products.set(product.product_id, structuredClone({ ...product, ...entry }));
        return entry;
      });
      return { status: 201, body: { content: created } };
    },
  },
  {
    method: 'GET',
    template: '/v1/izi/products',
    handle: ({ query }, { state }) => {
      const pageIndex = intParam(query, 'page_index', 0);
      const pageSize = intParam(query, 'page_size', 20) || 20;
      const wanted = listParam(query, 'product_ids');
      const all = [...state.products.values()].filter((product) => wanted.length === 0 || wanted.includes(product.product_id));
      return { status: 200, body: { content: pageOf(all, pageIndex, pageSize), total_items: all.length, page_index: pageIndex, page_size: pageSize } };
    },
  },
  {
    method: 'PUT',
    template: '/v1/izi/product/{product_id}',
    jsonBody: true,
    handle: ({ params, body }, { state }) => {
      const productId = params['product_id']!;
      const current = state.products.get(productId);
      if (!current) return productNotFound();
      if (!isObject(body)) return fail(400, 'BAD_REQUEST', 'The product must be a JSON object');
      if (body['product_id'] !== undefined && body['product_id'] !== productId) return fail(400, 'BAD_REQUEST', 'Field "product_id" does not match the path');
      const updated = { ...current, ...structuredClone(body), product_id: productId, qr_code: current.qr_code, deep_link: current.deep_link } as HotProduct;
      state.products.set(productId, updated);
      return { status: 200, body: updated };
    },
  },
  {
    method: 'DELETE',
    template: '/v1/izi/product/{product_id}',
    handle: ({ params }, { state }) => (state.products.delete(params['product_id']!) ? { status: 204 } : productNotFound()),
  },
];
