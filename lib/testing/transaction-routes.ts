import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { RefundResult } from '../index.js';
import { signRefund } from '../http/refund-signature.js';
import type { RefundRecord, TransactionRecord } from './emulator-state.js';
import { isObject } from './http-io.js';
import { formatCents, toCents } from './money.js';
import { fail, intParam, listParam, pageOf, type ApiAnswer, type ApiRequest, type RouteContext, type ApiRoute } from './route-table.js';

const REFUNDABLE = ['AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED'];

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase(), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function single(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

function matchesFilters(transaction: TransactionRecord, query: URLSearchParams): boolean {
  const statuses = listParam(query, 'status', 'status[]');
  const methods = listParam(query, 'paymentMethod', 'paymentMethod[]');
  const amount = toCents(transaction.amount) ?? 0;
  const from = toCents(query.get('amount_from') ?? undefined);
  const to = toCents(query.get('amount_to') ?? undefined);
  const checks = [
    query.get('order_id') === null || query.get('order_id') === transaction.order_id,
    query.get('transaction_id') === null || query.get('transaction_id') === transaction.transaction_id,
    query.get('currency') === null || query.get('currency') === transaction.currency,
    statuses.length === 0 || statuses.includes(transaction.status),
    methods.length === 0 || methods.includes(transaction.payment_method),
    from === undefined || amount >= from,
    to === undefined || amount <= to,
    query.get('date_from') === null || transaction.created_date >= query.get('date_from')!,
    query.get('date_to') === null || transaction.created_date <= query.get('date_to')!,
  ];
  return checks.every(Boolean);
}

/** Refunds a transaction after the checks of reference 5.4; idempotent per `X-Command-ID`. */
function refund({ params, headers, body }: ApiRequest, { state, options }: RouteContext): ApiAnswer {
  const transactionId = params['transaction_id']!;
  const commandId = single(headers['x-command-id']);
  if (!commandId) return fail(400, 'BAD_REQUEST', 'Missing header X-Command-ID');
  if (!isObject(body)) return fail(400, 'BAD_REQUEST', 'The refund must be a JSON object');
  const { signature, ...signed } = body;
  if (typeof signature !== 'string' || !sameText(signature, signRefund(commandId, transactionId, signed, options.transactionSecret))) {
    return fail(400, 'BAD_REQUEST', 'Invalid signature');
  }
  const earlier = state.refunds.get(commandId);
  if (earlier) {
    if (earlier.transaction_id !== transactionId) return fail(400, 'BAD_REQUEST', 'X-Command-ID already used for another transaction');
    return { status: 200, body: earlier.result };
  }
  const transaction = state.transactions.get(transactionId);
  if (!transaction) return fail(404, 'NOT_FOUND', 'Transaction not found');
  if (!REFUNDABLE.includes(transaction.status)) return fail(400, 'BAD_REQUEST', `A ${transaction.status} transaction cannot be refunded`);
  const remaining = (toCents(transaction.amount) ?? 0) - (toCents(transaction.refunded_amount) ?? 0);
  const requested = signed['refund_amount'] === undefined || signed['refund_amount'] === null ? remaining : toCents(signed['refund_amount']);
  if (requested === undefined || requested <= 0) return fail(400, 'BAD_REQUEST', 'Invalid field "refund_amount"');
  if (requested > remaining) return fail(400, 'BAD_REQUEST', 'The refund amount exceeds the amount left to refund');
  const refunded = (toCents(transaction.refunded_amount) ?? 0) + requested;
  transaction.refunded_amount = formatCents(refunded);
  transaction.status = refunded === toCents(transaction.amount) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  const externalId = signed['external_refund_id'];
  const result: RefundResult = {
    external_refund_id: typeof externalId === 'string' && externalId !== '' ? externalId : randomUUID(),
    refund_amount: formatCents(requested),
    status: 'SUCCESS',
    description: 'Refund accepted by the InPost Pay emulator',
  };
  const record: RefundRecord = { command_id: commandId, transaction_id: transactionId, request: structuredClone(body), result, received_at: state.timestamp() };
  state.refunds.set(commandId, record);
  return { status: 200, body: result };
}

/** Transaction routes of reference section 3: the list, and refunds. */
export const transactionRoutes: readonly ApiRoute[] = [
  {
    method: 'GET',
    template: '/v1/izi/transaction',
    handle: ({ query }, { state }) => {
      const page = intParam(query, 'page', 1) || 1;
      const perPage = intParam(query, 'per_page', 20) || 20;
      const direction = (query.get('sort_direction') ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
      const all = [...state.transactions.values()]
        .filter((transaction) => matchesFilters(transaction, query))
        .sort((a, b) => direction * a.created_date.localeCompare(b.created_date));
      return { status: 200, body: { items: pageOf(all, page, perPage, 1), page, per_page: perPage, count: all.length } };
    },
  },
  {
    method: 'POST',
    template: '/v1/izi/transaction/{transaction_id}/refund',
    jsonBody: true,
    handle: refund,
  },
];
