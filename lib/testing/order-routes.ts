import type { OrderEventRequest } from '../index.js';
import { isObject } from './http-io.js';
import { fail, intParam, pageOf, type ApiRoute } from './route-table.js';

const MERCHANT_ORDER_STATUSES = ['ORDER_COMPLETED', 'ORDER_REJECTED'];
const FINAL_ORDER_STATUSES = ['ORDER_COMPLETED', 'ORDER_REJECTED'];

/** Why an order event body is not acceptable, or undefined when it is. */
function orderEventProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'The order event must be a JSON object';
  if (typeof body['event_id'] !== 'string' || body['event_id'] === '') return 'Missing field "event_id"';
  if (body['event_data_time'] !== undefined && typeof body['event_data_time'] !== 'string') return 'Field "event_data_time" must be a string';
  const data = body['event_data'];
  if (!isObject(data)) return 'Missing field "event_data"';
  if (data['order_status'] !== undefined && !MERCHANT_ORDER_STATUSES.includes(data['order_status'] as string)) {
    return 'Field "event_data.order_status" must be ORDER_COMPLETED or ORDER_REJECTED';
  }
  if (data['delivery_references_list'] !== undefined && !Array.isArray(data['delivery_references_list'])) {
    return 'Field "event_data.delivery_references_list" must be an array';
  }
  return undefined;
}

/** Order routes of reference section 3: the merchant's order events and the back-office list. */
export const orderRoutes: readonly ApiRoute[] = [
  {
    method: 'POST',
    template: '/v1/izi/order/{order_id}/event',
    jsonBody: true,
    handle: ({ params, body }, { state }) => {
      const problem = orderEventProblem(body);
      if (problem) return fail(400, 'BAD_REQUEST', problem);
      const orderId = params['order_id']!;
      const order = state.orders.get(orderId);
      if (!order) return fail(404, 'ORDER_NOT_FOUND', 'Order not found');
      const event = body as OrderEventRequest;
      const repeated = state.orderEvents.get(orderId)?.some((seen) => seen.event_id === event.event_id) ?? false;
      const wanted = event.event_data.order_status;
      if (!repeated && wanted && FINAL_ORDER_STATUSES.includes(order.order_status) && wanted !== order.order_status) {
        return fail(409, 'STATUS_ORDER_ERROR', `The order is already ${order.order_status}`);
      }
      state.recordOrderEvent(orderId, event);
      if (!repeated && wanted) order.order_status = wanted;
      if (!repeated && event.event_data.order_merchant_status_description !== undefined) {
        order.order.order_details.order_merchant_status_description = event.event_data.order_merchant_status_description;
      }
      if (!repeated && event.event_data.delivery_references_list !== undefined) {
        order.order.order_details.delivery_references_list = [...event.event_data.delivery_references_list];
      }
      return { status: 201 };
    },
  },
  {
    method: 'GET',
    template: '/v1/izi/orders',
    handle: ({ query }, { state }) => {
      const pageIndex = intParam(query, 'page_index', 0);
      const pageSize = intParam(query, 'page_size', 20) || 20;
      const orderId = query.get('order_id');
      const all = [...state.orders.values()]
        .filter((record) => orderId === null || record.order_id === orderId)
        .map((record) => ({
          ...record.order,
          order_details: { ...record.order.order_details, payment_status: record.payment_status, order_status: record.order_status },
        }));
      return { status: 200, body: { page_size: pageSize, total_items: all.length, page_index: pageIndex, orders: pageOf(all, pageIndex, pageSize) } };
    },
  },
];
