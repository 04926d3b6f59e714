import { Injectable } from '@nestjs/common';
import { InpostPayClient } from '../lib/index.js';
import { BasketsService, type ShopBasket } from './baskets.service.js';
import { OrdersService } from './orders.service.js';

/** The shop side of the checkout: pushes baskets to InPost Pay and reports order events. */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly inpostPay: InpostPayClient,
    private readonly baskets: BasketsService,
    private readonly orders: OrdersService,
  ) {}

  /** Creates a basket, sends it to InPost and returns the key the InPost Pay widget needs. */
  async startCheckout(lines: { productId: string; quantity: number }[]): Promise<{ basketId: string; bindingKey: string }> {
    const basket = this.baskets.create(lines);
    await this.pushBasket(basket);
    const { basket_binding_api_key } = await this.inpostPay.bindBasket(basket.id);
    return { basketId: basket.id, bindingKey: basket_binding_api_key };
  }

  /** The customer changes a line in the shop's own cart (0 removes it); InPost gets the new basket. */
  async changeLine(basketId: string, productId: string, quantity: number): Promise<void> {
    const basket = this.baskets.get(basketId);
    this.baskets.setQuantity(basket, productId, quantity);
    await this.pushBasket(basket);
  }

  /** Sends the current basket to InPost after a change made in the shop. */
  async pushBasket(basket: ShopBasket): Promise<void> {
    await this.inpostPay.updateBasket(basket.id, this.baskets.toInpostBasket(basket));
  }

  /** Marks an order as shipped and tells InPost. */
  async completeOrder(orderId: string): Promise<void> {
    this.orders.markCompleted(orderId);
    await this.inpostPay.sendOrderEvent(orderId, {
      event_id: `${orderId}-completed`,
      event_data_time: new Date().toISOString(),
      event_data: { order_status: 'ORDER_COMPLETED', order_merchant_status_description: 'Completed' },
    });
  }
}
