import { HttpService } from '@nestjs/axios';
import { Inject, Injectable } from '@nestjs/common';
import type { AxiosInstance, Method } from 'axios';
import { randomUUID } from 'node:crypto';
import { INPOST_PAY_HTTP_SERVICE, INPOST_PAY_RESOLVED_OPTIONS } from '../inpost-pay.constants.js';
import { MESSAGES } from '../inpost-pay.messages.js';
import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';
import { InpostPayApiException, InpostPayTimeoutException } from '../errors/inpost-pay-api.exception.js';
import { InpostPayEndpointException } from '../errors/inpost-pay-endpoint.exception.js';
import { InpostPayEvents } from '../events/inpost-pay-events.js';
import type { ApiCallOutcome } from '../events/inpost-pay-event.model.js';
import { InpostPayConfigurationError } from '../errors/inpost-pay-configuration.error.js';
import type {
  Basket,
  BasketBindingKey,
  BasketBindingRequestV1,
  BasketBindingStatus,
  BasketList,
  BasketListQuery,
  BasketUpdateResult,
} from '../models/basket.model.js';
import type { OrderEventRequest, OrderList, OrderListQuery } from '../models/order.model.js';
import type { PaymentMethods } from '../models/payment-methods.model.js';
import type {
  CreatedProducts,
  HotProduct,
  ProductList,
  ProductListQuery,
} from '../models/product.model.js';
import type { SigningKey, SigningKeys } from '../models/signing-key.model.js';
import type {
  RefundOptions,
  RefundRequest,
  RefundResult,
  TransactionList,
  TransactionListQuery,
} from '../models/transaction.model.js';
import { toInpostPayException } from './api-error.mapper.js';
import { apiPath, type ApiPath } from './path-segment.js';
import { signRefund } from './refund-signature.js';

/** A 404 carrying InPost's own not-found code: the binding is already gone. A bare 404 (wrong base URL, proxy page) is not. */
function isBasketAlreadyGone(error: unknown): boolean {
  return (
    error instanceof InpostPayApiException &&
    error.status === 404 &&
    (error.errorCode === 'BASKET_NOT_FOUND' || error.errorCode === 'NOT_FOUND')
  );
}

/** How a failed call ended, for its monitoring event. */
function outcomeOf(failure: unknown): [ApiCallOutcome, number?] {
  if (failure instanceof InpostPayApiException) return ['response', failure.status];
  if (failure instanceof InpostPayTimeoutException) return ['timeout'];
  if (failure instanceof InpostPayEndpointException) return ['no_token'];
  return ['network'];
}

interface RequestParts {
  params?: object;
  data?: unknown;
  headers?: Record<string, string>;
}

/** Options of the v1 calls that accept a trusted browser id. */
export interface BrowserIdOptions {
  /** Id of a browser the customer trusted in the app. */
  browserId?: string;
}

/** Options of `deleteBasketBinding()`. */
export interface DeleteBasketBindingOptions {
  /** Remove the basket from the app also when it already became an order (`if_basket_realized`). */
  ifBasketRealized?: boolean;
}

/**
 * Typed, Promise-based client of the InPost Pay API. Every call carries a valid bearer token.
 * A failed call rejects with `InpostPayApiException` (non-2xx), `InpostPayTimeoutException`,
 * `InpostPayNetworkException` or `InpostPayEndpointException` (no token could be had); a bad
 * argument with `TypeError`, and a refund without `transactionSecret` with
 * `InpostPayConfigurationError`.
 */
@Injectable()
export class InpostPayClient {
  private readonly http: AxiosInstance;

  constructor(
    @Inject(INPOST_PAY_HTTP_SERVICE) httpService: HttpService,
    @Inject(INPOST_PAY_RESOLVED_OPTIONS) private readonly options: ResolvedInpostPayOptions,
    private readonly events: InpostPayEvents,
  ) {
    this.http = httpService.axiosRef;
  }

  /** Starts linking a basket (Widget 2.0): `PUT /v2/izi/basket/{basket_id}/binding`. Same key for the same basket. */
  async bindBasket(basketId: string): Promise<BasketBindingKey> {
    return this.send('PUT', apiPath('/v2/izi/basket/{basket_id}/binding', ['basketId', basketId]));
  }

  /** Sends the whole current basket: `PUT /v2/izi/basket/{basket_id}`. */
  async updateBasket(basketId: string, basket: Basket): Promise<BasketUpdateResult> {
    return this.send('PUT', apiPath('/v2/izi/basket/{basket_id}', ['basketId', basketId]), { data: basket });
  }

  /** v1: updates a basket, or creates and links it for a trusted browser: `PUT /v1/izi/basket/{basket_id}`. The answer is not documented. */
  async updateBasketV1(basketId: string, basket: Basket, options: BrowserIdOptions = {}): Promise<unknown> {
    const data = options.browserId === undefined ? basket : { ...basket, browser_id: options.browserId };
    return this.send('PUT', apiPath('/v1/izi/basket/{basket_id}', ['basketId', basketId]), { data });
  }

  /** v1: starts linking by phone or deep link: `POST /v1/izi/basket/{basket_id}/binding`. The answer is not documented. */
  async bindBasketV1(basketId: string, request: BasketBindingRequestV1): Promise<unknown> {
    return this.send('POST', apiPath('/v1/izi/basket/{basket_id}/binding', ['basketId', basketId]), { data: request });
  }

  /** Tells whether the basket is linked and the browser trusted: `GET /v1/izi/basket/{basket_id}/binding`. */
  async getBasketBinding(basketId: string, options: BrowserIdOptions = {}): Promise<BasketBindingStatus> {
    return this.send('GET', apiPath('/v1/izi/basket/{basket_id}/binding', ['basketId', basketId]), {
      params: options.browserId === undefined ? undefined : { browser_id: options.browserId },
    });
  }

  /**
   * Unlinks the basket and removes it from the app: `DELETE /v1/izi/basket/{basket_id}/binding`.
   * A 404 with InPost's `BASKET_NOT_FOUND` (or `NOT_FOUND`) means it is already gone and resolves.
   */
  async deleteBasketBinding(basketId: string, options: DeleteBasketBindingOptions = {}): Promise<void> {
    try {
      await this.send('DELETE', apiPath('/v1/izi/basket/{basket_id}/binding', ['basketId', basketId]), {
        params: options.ifBasketRealized === undefined ? undefined : { if_basket_realized: options.ifBasketRealized },
      });
    } catch (error) {
      if (!isBasketAlreadyGone(error)) throw error;
    }
  }

  /** Lists the merchant's baskets (back office): `GET /v1/izi/baskets`. */
  async listBaskets(query?: BasketListQuery): Promise<BasketList> {
    return this.send('GET', apiPath('/v1/izi/baskets'), { params: query });
  }

  /** Forgets a trusted browser: `DELETE /v1/izi/browser/{browser_id}/binding`. */
  async deleteBrowserBinding(browserId: string): Promise<void> {
    await this.send('DELETE', apiPath('/v1/izi/browser/{browser_id}/binding', ['browserId', browserId]));
  }

  /** Reports an order update (completed, rejected, delivery references): `POST /v1/izi/order/{order_id}/event`. 200 and 201 both succeed. */
  async sendOrderEvent(orderId: string, event: OrderEventRequest): Promise<void> {
    await this.send('POST', apiPath('/v1/izi/order/{order_id}/event', ['orderId', orderId]), { data: event });
  }

  /** Lists the merchant's orders (back office): `GET /v1/izi/orders`. */
  async listOrders(query?: OrderListQuery): Promise<OrderList> {
    return this.send('GET', apiPath('/v1/izi/orders'), { params: query });
  }

  /** Payment types enabled for the merchant: `GET /v1/izi/payment-methods`. */
  async getPaymentMethods(): Promise<PaymentMethods> {
    return this.send('GET', apiPath('/v1/izi/payment-methods'));
  }

  /** All public keys InPost signs callbacks with: `GET /v1/izi/signing-keys/public`. */
  async getSigningKeys(): Promise<SigningKeys> {
    return this.send('GET', apiPath('/v1/izi/signing-keys/public'));
  }

  /** One public signing key: `GET /v1/izi/signing-keys/public/{version}`. Unknown versions fail with 404-style `PUBLIC_KEY_NOT_FOUND`. */
  async getSigningKey(version: string): Promise<SigningKey> {
    return this.send('GET', apiPath('/v1/izi/signing-keys/public/{version}', ['version', version]));
  }

  /** Publishes "hot products" to the app: `POST /v1/izi/products`. */
  async createProducts(products: HotProduct[]): Promise<CreatedProducts> {
    return this.send('POST', apiPath('/v1/izi/products'), { data: { content: products } });
  }

  /** Lists the published products: `GET /v1/izi/products`. */
  async listProducts(query?: ProductListQuery): Promise<ProductList> {
    return this.send('GET', apiPath('/v1/izi/products'), { params: query });
  }

  /** Updates one published product: `PUT /v1/izi/product/{product_id}`. */
  async updateProduct(productId: string, product: HotProduct): Promise<unknown> {
    return this.send('PUT', apiPath('/v1/izi/product/{product_id}', ['productId', productId]), { data: product });
  }

  /** Removes one published product: `DELETE /v1/izi/product/{product_id}`. */
  async deleteProduct(productId: string): Promise<void> {
    await this.send('DELETE', apiPath('/v1/izi/product/{product_id}', ['productId', productId]));
  }

  /** Lists payment transactions: `GET /v1/izi/transaction`. */
  async listTransactions(query?: TransactionListQuery): Promise<TransactionList> {
    return this.send('GET', apiPath('/v1/izi/transaction'), { params: query });
  }

  /**
   * Refunds a transaction, fully or partly: `POST /v1/izi/transaction/{transaction_id}/refund`.
   * Sends `X-Command-ID` (given, or a new UUID) and the SHA-512 `signature` made with the
   * `transactionSecret` option. InPost refuses refunds between 23:00 and 06:30.
   */
  async refundTransaction(transactionId: string, refund: RefundRequest, options: RefundOptions = {}): Promise<RefundResult> {
    const secret = this.options.transactionSecret;
    if (secret === undefined) throw new InpostPayConfigurationError(MESSAGES.transactionSecretMissing());
    const path = apiPath('/v1/izi/transaction/{transaction_id}/refund', ['transactionId', transactionId]);
    const commandId = options.commandId ?? randomUUID();
    const { signature: _callerSignature, ...body } = refund as RefundRequest & { signature?: unknown };
    const signature = signRefund(commandId, transactionId, body, secret);
    return this.send('POST', path, { data: { ...body, signature }, headers: { 'X-Command-ID': commandId } });
  }

  private async send<T>(method: Method, { path, template }: ApiPath, parts: RequestParts = {}): Promise<T> {
    const startedAt = performance.now();
    try {
      const response = await this.http.request<T>({ method, url: path, ...parts });
      this.finished(method, template, startedAt, 'response', response.status);
      return response.data;
    } catch (error) {
      const failure = toInpostPayException(error, { method, path }, this.options.timeoutMs);
      this.finished(method, template, startedAt, ...outcomeOf(failure));
      throw failure;
    }
  }

  private finished(method: Method, path: string, startedAt: number, outcome: ApiCallOutcome, status?: number): void {
    this.events.emit({ type: 'api.call_finished', method, path, status, outcome, durationMs: performance.now() - startedAt });
  }
}
