import { Injectable } from '@nestjs/common';
import {
  InpostPayCallbackException,
  type CreateOrderDto,
  type Order,
  type OrderEventCallbackDto,
  type PaymentStatus,
} from '../lib/index.js';
import { BasketsService } from './baskets.service.js';

/** An order as the shop keeps it. */
export interface ShopOrder {
  order: Order;
  paymentStatus: PaymentStatus;
  completed: boolean;
}

/** The shop's orders, in memory. Creation is idempotent per basket: a repeat returns the same order. */
@Injectable()
export class OrdersService {
  private readonly orders = new Map<string, ShopOrder>();
  private readonly orderIdByBasket = new Map<string, string>();
  private sequence = 0;

  constructor(private readonly baskets: BasketsService) {}

  createOnce(request: CreateOrderDto): Order {
    const basketId = request.order_details.basket_id;
    const existing = this.orderIdByBasket.get(basketId);
    if (existing) return this.orders.get(existing)!.order;
    const basket = this.baskets.toInpostBasket(this.baskets.get(basketId));
    const orderId = `O-${++this.sequence}`;
    const order: Order = {
      order_details: {
        order_id: orderId,
        customer_order_id: orderId,
        pos_id: 'sample-shop',
        order_creation_date: new Date().toISOString(),
        basket_id: basketId,
        payment_type: request.order_details.payment_type,
        order_merchant_status_description: 'Accepted',
        order_base_price: basket.summary.basket_base_price,
        order_final_price: basket.summary.basket_final_price ?? basket.summary.basket_base_price,
        currency: basket.summary.currency,
      },
      account_info: request.account_info,
      invoice_details: request.invoice_details,
      delivery: request.delivery,
      products: basket.products ?? [],
      consents: request.consents,
    };
    this.orders.set(orderId, { order, paymentStatus: 'UNPAID', completed: false });
    this.orderIdByBasket.set(basketId, orderId);
    return order;
  }

  get(orderId: string): ShopOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new InpostPayCallbackException(404, 'ORDER_NOT_FOUND', 'Order not found');
    return order;
  }

  applyEvent(orderId: string, event: OrderEventCallbackDto): ShopOrder {
    const order = this.get(orderId);
    if (event.event_data.payment_status) order.paymentStatus = event.event_data.payment_status;
    return order;
  }

  markCompleted(orderId: string): ShopOrder {
    const order = this.get(orderId);
    order.completed = true;
    order.order.order_details.order_merchant_status_description = 'Completed';
    return order;
  }
}
