import type { Basket, BasketBindingStatus, BindingPlace, PhoneNumber } from '../index.js';
import { isObject } from './http-io.js';
import { fail, intParam, pageOf, type ApiAnswer, type ApiRoute } from './route-table.js';

const BINDING_PLACES: readonly BindingPlace[] = [
  'PRODUCT_CARD',
  'BASKET_SUMMARY',
  'ORDER_CREATE',
  'BASKET_POPUP',
  'THANK_YOU_PAGE',
  'LOGIN_PAGE',
  'CHECKOUT_PAGE',
  'REGISTERFORM_PAGE',
  'MINICART_PAGE',
];

/** Why a basket body is not acceptable, or undefined when it is (summary with currency and base price). */
function basketProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'The basket must be a JSON object';
  const summary = body['summary'];
  if (!isObject(summary)) return 'Missing field "summary"';
  if (typeof summary['currency'] !== 'string' || summary['currency'] === '') return 'Missing field "summary.currency"';
  if (!isObject(summary['basket_base_price'])) return 'Missing field "summary.basket_base_price"';
  for (const list of ['products', 'delivery', 'related_products', 'promo_codes', 'consents'] as const) {
    if (body[list] !== undefined && !Array.isArray(body[list])) return `Field "${list}" must be an array`;
  }
  return undefined;
}

function isPhoneNumber(value: unknown): value is PhoneNumber {
  return isObject(value) && typeof value['country_prefix'] === 'string' && typeof value['phone'] === 'string';
}

const basketNotFound = (): ApiAnswer => fail(404, 'BASKET_NOT_FOUND', 'Basket not found');

/** Basket and binding routes of reference section 3 (Widget 2.0 and 1.0). */
export const basketRoutes: readonly ApiRoute[] = [
  {
    method: 'PUT',
    template: '/v2/izi/basket/{basket_id}/binding',
    handle: ({ params }, { state }) => {
      const binding = state.bindV2(params['basket_id']!);
      return { status: 200, body: { basket_binding_api_key: binding.basket_binding_api_key } };
    },
  },
  {
    method: 'PUT',
    template: '/v2/izi/basket/{basket_id}',
    jsonBody: true,
    handle: ({ params, body }, { state }) => {
      const problem = basketProblem(body);
      if (problem) return fail(400, 'BAD_REQUEST', problem);
      const stored = state.storeBasket(params['basket_id']!, body as Basket, 'v2');
      return { status: 200, body: { inpost_basket_id: stored.inpost_basket_id } };
    },
  },
  {
    method: 'PUT',
    template: '/v1/izi/basket/{basket_id}',
    jsonBody: true,
    handle: ({ params, body }, { state }) => {
      const problem = basketProblem(body);
      if (problem) return fail(400, 'BAD_REQUEST', problem);
      const { browser_id: browserId, ...basket } = body as Basket & { browser_id?: unknown };
      if (browserId !== undefined && typeof browserId !== 'string') return fail(400, 'BAD_REQUEST', 'Field "browser_id" must be a string');
      const basketId = params['basket_id']!;
      const stored = state.storeBasket(basketId, basket, 'v1', browserId);
      if (browserId !== undefined && state.trustedBrowsers.has(browserId)) {
        const binding = state.bindingOf(basketId);
        binding.basket_linked = true;
        binding.browser_id = browserId;
        binding.browser_trusted = true;
      }
      return { status: 200, body: { inpost_basket_id: stored.inpost_basket_id } };
    },
  },
  {
    method: 'POST',
    template: '/v1/izi/basket/{basket_id}/binding',
    jsonBody: true,
    handle: ({ params, body }, { state }) => {
      if (!isObject(body)) return fail(400, 'BAD_REQUEST', 'The binding request must be a JSON object');
      const method = body['binding_method'];
      if (method !== 'PHONE' && method !== 'DEEP_LINK') return fail(400, 'BAD_REQUEST', 'Field "binding_method" must be PHONE or DEEP_LINK');
      const place = body['binding_place'];
      if (!BINDING_PLACES.includes(place as BindingPlace)) return fail(400, 'BAD_REQUEST', 'Invalid field "binding_place"');
      if (method === 'PHONE' && !isPhoneNumber(body['phone_number'])) return fail(400, 'BAD_REQUEST', 'Missing field "phone_number"');
      const basketId = params['basket_id']!;
      if (state.bindings.get(basketId)?.basket_linked) return fail(409, 'BASKET_IS_BINDED', 'The basket is already bound');
      const binding = state.bindingOf(basketId);
      binding.binding_method = method;
      binding.binding_place = place as BindingPlace;
      if (method === 'PHONE') binding.phone_number = body['phone_number'] as PhoneNumber;
      return { status: 200, body: { inpost_basket_id: binding.inpost_basket_id } };
    },
  },
  {
    method: 'GET',
    template: '/v1/izi/basket/{basket_id}/binding',
    handle: ({ params, query }, { state }) => {
      const binding = state.bindings.get(params['basket_id']!);
      const browserId = query.get('browser_id');
      const answer: BasketBindingStatus = {
        basket_linked: binding?.basket_linked ?? false,
        browser_trusted: browserId !== null && state.trustedBrowsers.has(browserId),
      };
      if (binding?.basket_linked) {
        answer.inpost_basket_id = binding.inpost_basket_id;
        if (binding.client) {
          const { phone_number: phone, masked_phone_number, name, surname } = binding.client;
          answer.client_details = { phone_number: `${phone.country_prefix}${phone.phone}`, masked_phone_number, name, surname };
        }
      }
      return { status: 200, body: answer };
    },
  },
  {
    method: 'DELETE',
    template: '/v1/izi/basket/{basket_id}/binding',
    handle: ({ params }, { state }) => (state.removeBasket(params['basket_id']!) ? { status: 204 } : basketNotFound()),
  },
  {
    method: 'GET',
    template: '/v1/izi/baskets',
    handle: ({ query }, { state }) => {
      const pageIndex = intParam(query, 'page_index', 0);
      const pageSize = intParam(query, 'page_size', 20) || 20;
      const all = [...state.baskets.values()].map((stored) => ({
        basket_id: stored.basket_id,
        inpost_basket_id: stored.inpost_basket_id,
        basket_linked: state.bindings.get(stored.basket_id)?.basket_linked ?? false,
        summary: stored.basket.summary,
        updated_at: stored.updated_at,
      }));
      return { status: 200, body: { page_size: pageSize, total_items: all.length, page_index: pageIndex, baskets: pageOf(all, pageIndex, pageSize) } };
    },
  },
  {
    method: 'DELETE',
    template: '/v1/izi/browser/{browser_id}/binding',
    handle: ({ params }, { state }) => {
      const browserId = params['browser_id']!;
      state.trustedBrowsers.delete(browserId);
      for (const binding of state.bindings.values()) {
        if (binding.browser_id === browserId) binding.browser_trusted = false;
      }
      return { status: 204 };
    },
  },
];
