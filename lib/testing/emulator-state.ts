import { randomBytes, randomUUID } from 'node:crypto';
import type {
  Basket,
  BindingPlace,
  CreateOrderRequest,
  HotProduct,
  IsoDateTime,
  Order,
  OrderEventRequest,
  OrderStatus,
  PaymentStatus,
  PaymentType,
  PhoneNumber,
  RefundResult,
  TransactionStatus,
} from '../index.js';

/** A basket as the merchant last sent it with `PUT /v2/izi/basket/{id}` (or the v1 PUT). */
export interface StoredBasket {
  basket_id: string;
  inpost_basket_id: string;
  basket: Basket;
  api_version: 'v1' | 'v2';
  /** `browser_id` sent with a v1 PUT. */
  browser_id?: string;
  updated_at: IsoDateTime;
}

/** The customer facts a confirmed binding carries. */
export interface BindingClient {
  phone_number: PhoneNumber;
  masked_phone_number: string;
  name: string;
  surname: string;
}

/** A basket binding: started by the merchant, confirmed (linked) by the app simulator. */
export interface BindingRecord {
  basket_id: string;
  inpost_basket_id: string;
  /** Key answered by `PUT /v2/izi/basket/{id}/binding`; the same for the same basket. */
  basket_binding_api_key?: string;
  /** How linking was started: Widget 2.0, or the v1 binding methods. */
  binding_method?: 'WIDGET_V2' | 'PHONE' | 'DEEP_LINK';
  binding_place?: BindingPlace;
  /** Phone given to a v1 `PHONE` binding. */
  phone_number?: PhoneNumber;
  /** True once the app simulator confirmed it and the merchant answered with a basket. */
  basket_linked: boolean;
  client?: BindingClient;
  browser_id?: string;
  browser_trusted: boolean;
}

/** An order the merchant created through the app simulator's `createOrder`. */
export interface OrderRecord {
  order_id: string;
  basket_id: string;
  /** The merchant's latest answer for the order (create or read). */
  order: Order;
  /** What the simulator sent to create it. */
  create_request: CreateOrderRequest;
  payment_status: PaymentStatus;
  order_status: OrderStatus;
  created_at: IsoDateTime;
  /** Id and reference of the payment, from the first payment event on. */
  payment_id?: string;
  payment_reference?: string;
  /** The payment transaction, once the payment was `AUTHORIZED`. */
  transaction_id?: string;
}

/** A payment transaction, created when an order's payment is `AUTHORIZED`. */
export interface TransactionRecord {
  transaction_id: string;
  order_id: string;
  status: TransactionStatus;
  amount: string;
  refunded_amount: string;
  currency: string;
  payment_method: PaymentType;
  created_date: IsoDateTime;
}

/** A refund accepted by `POST /v1/izi/transaction/{id}/refund`, keyed by its `X-Command-ID`. */
export interface RefundRecord {
  command_id: string;
  transaction_id: string;
  /** The body as received, signature included. */
  request: Record<string, unknown>;
  result: RefundResult;
  received_at: IsoDateTime;
}

/** Read-only views of the emulator's in-memory state; every answer is a copy. */
export interface EmulatorStateView {
  /** Baskets as the merchant last sent them. */
  baskets(): StoredBasket[];
  /** One basket as the merchant last sent it. */
  basket(basketId: string): StoredBasket | undefined;
  /** Every binding, linked or not. */
  bindings(): BindingRecord[];
  /** The binding of one basket. */
  binding(basketId: string): BindingRecord | undefined;
  /** Orders known to the emulator (created through the app simulator). */
  orders(): OrderRecord[];
  /** One known order. */
  order(orderId: string): OrderRecord | undefined;
  /** Order events the merchant sent with `POST /v1/izi/order/{id}/event`, in arrival order (repeated `event_id`s once). */
  orderEvents(orderId: string): OrderEventRequest[];
  /** Hot products the merchant published. */
  products(): HotProduct[];
  /** Payment transactions (from orders paid through the app simulator). */
  transactions(): TransactionRecord[];
  /** Accepted refunds, in arrival order. */
  refunds(): RefundRecord[];
  /** How many access tokens the token endpoint issued. */
  readonly issuedTokens: number;
}

const copy = <T>(value: T): T => structuredClone(value);

/** The emulator's mutable in-memory state. */
export class EmulatorState {
  readonly baskets = new Map<string, StoredBasket>();
  readonly bindings = new Map<string, BindingRecord>();
  readonly orders = new Map<string, OrderRecord>();
  readonly orderEvents = new Map<string, OrderEventRequest[]>();
  readonly products = new Map<string, HotProduct>();
  readonly transactions = new Map<string, TransactionRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly trustedBrowsers = new Set<string>();
  /** The newest basket content seen for each basket: the merchant's PUT or its answer to the app simulator. */
  readonly latestBaskets = new Map<string, Basket>();
  issuedTokens = 0;
  private readonly inpostBasketIds = new Map<string, string>();

  constructor(readonly now: () => number) {}

  /** The current time as InPost writes it (ISO-8601 UTC with ms). */
  timestamp(): IsoDateTime {
    return new Date(this.now()).toISOString();
  }

  /** InPost's id of a basket: one per merchant basket id, for good. */
  inpostBasketId(basketId: string): string {
    let id = this.inpostBasketIds.get(basketId);
    if (!id) {
      id = randomUUID();
      this.inpostBasketIds.set(basketId, id);
    }
    return id;
  }

  /** The binding of a basket, created unlinked when missing. */
  bindingOf(basketId: string): BindingRecord {
    let binding = this.bindings.get(basketId);
    if (!binding) {
      binding = { basket_id: basketId, inpost_basket_id: this.inpostBasketId(basketId), basket_linked: false, browser_trusted: false };
      this.bindings.set(basketId, binding);
    }
    return binding;
  }

  /** Starts (or repeats) a Widget 2.0 binding: the same key for the same basket. */
  bindV2(basketId: string): BindingRecord {
    const binding = this.bindingOf(basketId);
    binding.basket_binding_api_key ??= randomBytes(24).toString('hex');
    binding.binding_method ??= 'WIDGET_V2';
    return binding;
  }

  /** Stores a basket the merchant sent. */
  storeBasket(basketId: string, basket: Basket, apiVersion: 'v1' | 'v2', browserId?: string): StoredBasket {
    const stored: StoredBasket = {
      basket_id: basketId,
      inpost_basket_id: this.inpostBasketId(basketId),
      basket: copy(basket),
      api_version: apiVersion,
      ...(browserId === undefined ? {} : { browser_id: browserId }),
      updated_at: this.timestamp(),
    };
    this.baskets.set(basketId, stored);
    this.latestBaskets.set(basketId, copy(basket));
    return stored;
  }

  /** Forgets a basket and its binding; false when neither was known. */
  removeBasket(basketId: string): boolean {
    const known = this.baskets.delete(basketId);
    const bound = this.bindings.delete(basketId);
    return known || bound;
  }

  /** Records a merchant order event; a repeated `event_id` is recorded once. */
  recordOrderEvent(orderId: string, event: OrderEventRequest): void {
    const events = this.orderEvents.get(orderId) ?? [];
    if (!events.some((seen) => seen.event_id === event.event_id)) events.push(copy(event));
    this.orderEvents.set(orderId, events);
  }

  /** Read-only views over this state. */
  view(): EmulatorStateView {
    const state = this;
    return {
      baskets: () => [...state.baskets.values()].map(copy),
      basket: (basketId) => copy(state.baskets.get(basketId)),
      bindings: () => [...state.bindings.values()].map(copy),
      binding: (basketId) => copy(state.bindings.get(basketId)),
      orders: () => [...state.orders.values()].map(copy),
      order: (orderId) => copy(state.orders.get(orderId)),
      orderEvents: (orderId) => (state.orderEvents.get(orderId) ?? []).map(copy),
      products: () => [...state.products.values()].map(copy),
      transactions: () => [...state.transactions.values()].map(copy),
      refunds: () => [...state.refunds.values()].map(copy),
      get issuedTokens() {
        return state.issuedTokens;
      },
    };
  }
}
