import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type {
  Basket,
  BasketConfirmationRequest,
  BasketEventRequest,
  InpostPayErrorBody,
  Order,
  OrderEventCallbackRequest,
  OrderEventCallbackResponse,
  PaymentStatus,
  PhoneNumber,
  ProductFeedQuery,
  ProductFeedResponse,
  AddProductResponse,
} from '../index.js';
import type { EmulatorState, OrderRecord } from './emulator-state.js';
import { isObject } from './http-io.js';
import { grossCents, formatCents } from './money.js';
import { sendSigned, type InflightRequests, type SignedCall } from './simulator-http.js';
import { confirmationBody, createOrderBody, customerPhone, type CreateOrderOverrides } from './simulator-payloads.js';
import type { EmulatorSigningKey } from './signing.js';

/** The merchant's answer to one app simulator call, and the call itself. */
export interface SimulatorAnswer<T> {
  /** HTTP status the merchant answered. */
  status: number;
  /** The parsed JSON answer: `T` on success, usually InPost's error body otherwise (the raw text when not JSON). */
  body: T | InpostPayErrorBody;
  /** What was called, for transcripts. */
  request: { method: string; url: string; body?: unknown };
  /** Response headers. */
  headers: IncomingHttpHeaders;
  /** The answer's text as received. */
  rawBody: string;
}

/** Options of `InpostPayEmulator.app()`. */
export interface InpostPayAppSimulatorOptions {
  /** How long to wait for each merchant answer, in ms. Default 20000 (InPost's app gives up after about 20 s). */
  timeoutMs?: number;
}

/** What the app simulator shares with its emulator. */
export interface AppSimulatorDeps {
  readonly state: EmulatorState;
  readonly signingKey: EmulatorSigningKey;
  readonly inflight: InflightRequests;
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300;
const looksLikeBasket = (body: unknown): body is Basket => isObject(body) && isObject(body['summary']);
const looksLikeOrder = (body: unknown): body is Order =>
  isObject(body) && isObject(body['order_details']) && typeof body['order_details']['order_id'] === 'string';

/**
 * Plays InPost's app and backend against a merchant backend (the callback routes of reference
 * section 4). Every call is signed with the emulator's RSA key exactly as reference 5.1 describes
 * (`x-signature`, `x-signature-timestamp`, `x-public-key-ver`, `x-public-key-hash`), so the
 * merchant's signature guard verifies it with the keys it fetches from the emulator. Non-2xx
 * answers resolve too (read `status`); only network failures and timeouts reject.
 */
export class InpostPayAppSimulator {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  /** Use `InpostPayEmulator.app(merchantBackendBaseUrl)`. */
  constructor(
    merchantBackendBaseUrl: string,
    private readonly deps: AppSimulatorDeps,
    options: InpostPayAppSimulatorOptions = {},
  ) {
    const parsed = new URL(merchantBackendBaseUrl);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new TypeError('InpostPayAppSimulator: the merchant backend base URL must be http(s)');
    }
    this.baseUrl = merchantBackendBaseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  /** InPost reads the current basket: `GET {base}/v1/izi/basket/{basket_id}`. */
  async getBasket(basketId: string): Promise<SimulatorAnswer<Basket>> {
    const answer = await this.call<Basket>({ method: 'GET', url: this.url('v1/izi/basket', basketId) });
    this.rememberBasket(basketId, answer);
    return answer;
  }

  /**
   * The customer accepts linking in the app: `POST {base}/v1/izi/basket/{basket_id}/confirmation`
   * with status `SUCCESS` and the default customer (Jan Kowalski, +48 600000000), `customer` on top.
   * The binding counts as linked once the merchant answers 2xx with a basket.
   */
  async confirmBinding(basketId: string, customer: Partial<BasketConfirmationRequest> = {}): Promise<SimulatorAnswer<Basket>> {
    const { state } = this.deps;
    const body = confirmationBody(state.inpostBasketId(basketId), customer);
    const answer = await this.call<Basket>({ method: 'POST', url: `${this.url('v1/izi/basket', basketId)}/confirmation`, body });
    this.rememberBasket(basketId, answer);
    const binding = state.bindingOf(basketId);
    const linked = body.status === 'SUCCESS' && isSuccess(answer.status) && looksLikeBasket(answer.body);
    binding.basket_linked = linked;
    if (linked) {
      binding.client = { phone_number: body.phone_number, masked_phone_number: body.masked_phone_number, name: body.name, surname: body.surname };
      if (body.browser?.browser_trusted && body.browser.browser_id) {
        binding.browser_id = body.browser.browser_id;
        binding.browser_trusted = true;
        state.trustedBrowsers.add(body.browser.browser_id);
      }
    }
    return answer;
  }

  /** The customer changes a line's quantity in the app (0 removes it): a `PRODUCTS_QUANTITY` basket event. */
  async changeQuantity(basketId: string, productId: string, quantity: number): Promise<SimulatorAnswer<Basket>> {
    const line = [...(this.knownBasket(basketId)?.products ?? []), ...(this.knownBasket(basketId)?.related_products ?? [])].find(
      (product) => product.product_id === productId,
    );
    const quantityType = line?.quantity.quantity_type ?? (Number.isInteger(quantity) ? 'INTEGER' : 'DECIMAL');
    return this.basketEvent(basketId, {
      event_type: 'PRODUCTS_QUANTITY',
      quantity_event_data: [
        {
          product_id: productId,
          quantity: { quantity, quantity_type: quantityType, ...(line?.quantity.quantity_unit ? { quantity_unit: line.quantity.quantity_unit } : {}) },
        },
      ],
    });
  }

  /** The customer sets the promo codes in the app: a `PROMO_CODES` basket event carrying the full wanted list. */
  async applyPromoCodes(basketId: string, codes: string[]): Promise<SimulatorAnswer<Basket>> {
    return this.basketEvent(basketId, { event_type: 'PROMO_CODES', promo_codes_event_data: codes.map((code) => ({ promo_code_value: code })) });
  }

  /**
   * The customer places the order: `POST {base}/v1/izi/order` with a complete CreateOrder built from
   * the basket's last known content (what the merchant sent, or answered to this simulator): its
   * currency, `basket_final_price` (else `basket_base_price`), `BLIK_CODE`, parcel-locker delivery.
   * Throws when no basket is known and `overrides` give no currency and price. Once the merchant
   * answers 2xx with an `order_id`, the emulator knows the order (`UNPAID`, `ORDER_PROCESSING`).
   */
  async createOrder(basketId: string, overrides: CreateOrderOverrides = {}): Promise<SimulatorAnswer<Order>> {
    const { state } = this.deps;
    const body = createOrderBody(basketId, this.knownBasket(basketId), this.customerPhoneOf(basketId), overrides);
    const answer = await this.call<Order>({ method: 'POST', url: this.url('v1/izi/order'), body });
    if (isSuccess(answer.status) && looksLikeOrder(answer.body)) {
      const orderId = answer.body.order_details.order_id;
      const known = state.orders.get(orderId);
      if (known) known.order = structuredClone(answer.body);
      else {
        state.orders.set(orderId, {
          order_id: orderId,
          basket_id: basketId,
          order: structuredClone(answer.body),
          create_request: body,
          payment_status: 'UNPAID',
          order_status: 'ORDER_PROCESSING',
          created_at: state.timestamp(),
        });
      }
    }
    return answer;
  }

  /** InPost reads an order: `GET {base}/v1/izi/order/{order_id}`. */
  async getOrder(orderId: string): Promise<SimulatorAnswer<Order>> {
    const answer = await this.call<Order>({ method: 'GET', url: this.url('v1/izi/order', orderId) });
    const known = this.deps.state.orders.get(orderId);
    if (known && isSuccess(answer.status) && looksLikeOrder(answer.body)) known.order = structuredClone(answer.body);
    return answer;
  }

  /**
   * The payment changed: `POST {base}/v1/izi/order/{order_id}/event` with `payment_status`. The
   * emulator takes the new status at once (it is InPost's own fact); an `AUTHORIZED` payment of a
   * known order creates its transaction (`GET /v1/izi/transaction`, refunds).
   */
  async sendPaymentEvent(orderId: string, paymentStatus: PaymentStatus): Promise<SimulatorAnswer<OrderEventCallbackResponse>> {
    const order = this.deps.state.orders.get(orderId);
    if (order) this.applyPayment(order, paymentStatus);
    const body: OrderEventCallbackRequest = {
      event_id: randomUUID(),
      event_data_time: this.deps.state.timestamp(),
      ...(order ? { phone_number: order.create_request.account_info.phone_number } : {}),
      event_data: {
        payment_status: paymentStatus,
        ...(order ? { order_status: order.order_status } : {}),
        ...(order?.payment_id ? { payment_id: order.payment_id, payment_reference: order.payment_reference } : {}),
        payment_type: order?.order.order_details.payment_type ?? order?.create_request.order_details.payment_type ?? 'BLIK_CODE',
      },
    };
    return this.call<OrderEventCallbackResponse>({ method: 'POST', url: `${this.url('v1/izi/order', orderId)}/event`, body });
  }

  /** The customer unlinks the basket in the app: `DELETE {base}/v1/izi/basket/{basket_id}/binding`; the emulator drops the binding at once. */
  async unbindBasket(basketId: string): Promise<SimulatorAnswer<unknown>> {
    this.deps.state.bindings.delete(basketId);
    return this.call<unknown>({ method: 'DELETE', url: `${this.url('v1/izi/basket', basketId)}/binding` });
  }

  /** The customer adds a product from the app: `POST {base}/v1/izi/basket/product/{product_id}`; without `basketId` the merchant creates a basket. */
  async addProduct(productId: string, basketId?: string): Promise<SimulatorAnswer<AddProductResponse>> {
    const body = { ...(basketId === undefined ? {} : { basket_id: basketId }), phone_number: customerPhone(undefined) };
    return this.call<AddProductResponse>({ method: 'POST', url: this.url('v1/izi/basket/product', productId), body });
  }

  /** The app reads the merchant's bestseller feed: `GET {base}/v1/izi/products` with `query` as the query string. */
  async getProductFeed(query: ProductFeedQuery = {}): Promise<SimulatorAnswer<ProductFeedResponse>> {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString();
    return this.call<ProductFeedResponse>({ method: 'GET', url: `${this.url('v1/izi/products')}${search ? `?${search}` : ''}` });
  }

  private async basketEvent(basketId: string, event: Omit<BasketEventRequest, 'event_id' | 'event_data_time'>): Promise<SimulatorAnswer<Basket>> {
    const body: BasketEventRequest = {
      event_id: randomUUID(),
      event_data_time: this.deps.state.timestamp(),
      phone_number: this.customerPhoneOf(basketId),
      ...event,
    };
    const answer = await this.call<Basket>({ method: 'POST', url: `${this.url('v1/izi/basket', basketId)}/event`, body });
    this.rememberBasket(basketId, answer);
    return answer;
  }

  private applyPayment(order: OrderRecord, status: PaymentStatus): void {
    const { state } = this.deps;
    order.payment_status = status;
    if (status !== 'UNPAID' && !order.payment_id) {
      order.payment_id = randomUUID();
      order.payment_reference = `PAY-${randomBytes(6).toString('hex').toUpperCase()}`;
    }
    if (status !== 'AUTHORIZED' || order.transaction_id) return;
    const details = order.order.order_details;
    const amount = grossCents(details.order_final_price) ?? grossCents(order.create_request.order_details.basket_price) ?? 0;
    const transactionId = randomUUID();
    order.transaction_id = transactionId;
    state.transactions.set(transactionId, {
      transaction_id: transactionId,
      order_id: order.order_id,
      status: 'AUTHORIZED',
      amount: formatCents(amount),
      refunded_amount: '0.00',
      currency: details.currency ?? order.create_request.order_details.currency,
      payment_method: details.payment_type ?? order.create_request.order_details.payment_type,
      created_date: state.timestamp(),
    });
  }

  private knownBasket(basketId: string): Basket | undefined {
    return this.deps.state.latestBaskets.get(basketId);
  }

  private customerPhoneOf(basketId: string): PhoneNumber {
    return customerPhone(this.deps.state.bindings.get(basketId)?.client?.phone_number);
  }

  private rememberBasket(basketId: string, answer: SimulatorAnswer<Basket>): void {
    if (isSuccess(answer.status) && looksLikeBasket(answer.body)) this.deps.state.latestBaskets.set(basketId, structuredClone(answer.body));
  }

  private url(prefix: string, id?: string): string {
    return id === undefined ? `${this.baseUrl}/${prefix}` : `${this.baseUrl}/${prefix}/${encodeURIComponent(id)}`;
  }

  private async call<T>(call: SignedCall): Promise<SimulatorAnswer<T>> {
    const raw = await sendSigned(call, {
      signingKey: this.deps.signingKey,
      inflight: this.deps.inflight,
      timestamp: this.deps.state.timestamp(),
      timeoutMs: this.timeoutMs,
    });
    let body: unknown = raw.text;
    try {
      if (raw.text !== '') body = JSON.parse(raw.text);
    } catch {
      body = raw.text;
    }
    return {
      status: raw.status,
      body: body as T | InpostPayErrorBody,
      request: { method: call.method, url: call.url, ...(call.body === undefined ? {} : { body: call.body }) },
      headers: raw.headers,
      rawBody: raw.text,
    };
  }
}
