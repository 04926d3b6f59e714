import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  AddProductDto,
  BasketConfirmationDto,
  BasketEventDto,
  CreateOrderDto,
  InpostPayCallback,
  OrderEventCallbackDto,
  type AddProductResponse,
  type Basket,
  type Order,
  type OrderEventCallbackResponse,
  type ProductFeedQuery,
  type ProductFeedResponse,
} from '../lib/index.js';
import { BasketsService } from './baskets.service.js';
import { OrdersService } from './orders.service.js';
import { productFeed } from './product-feed.js';

/** The Merchant Backend API: the routes InPost calls, all under `@InpostPayCallback()`. */
@Controller('inpost')
@InpostPayCallback()
export class InpostPayCallbacksController {
  constructor(
    private readonly baskets: BasketsService,
    private readonly orders: OrdersService,
  ) {}

  @Get('v1/izi/basket/:basketId')
  getBasket(@Param('basketId') basketId: string): Basket {
    return this.baskets.toInpostBasket(this.baskets.get(basketId));
  }

  @Post('v1/izi/basket/:basketId/confirmation')
  @HttpCode(200)
  confirm(@Param('basketId') basketId: string, @Body() body: BasketConfirmationDto): Basket {
    const basket = this.baskets.get(basketId);
    if (body.status === 'SUCCESS') basket.inpostBasketId = body.inpost_basket_id;
    return this.baskets.toInpostBasket(basket);
  }

  @Post('v1/izi/basket/:basketId/event')
  @HttpCode(200)
  basketEvent(@Param('basketId') basketId: string, @Body() body: BasketEventDto): Basket {
    const basket = this.baskets.get(basketId);
    for (const line of body.quantity_event_data ?? []) this.baskets.setQuantity(basket, line.product_id, line.quantity.quantity);
    if (body.event_type === 'PROMO_CODES') {
      this.baskets.setPromoCodes(basket, (body.promo_codes_event_data ?? []).map((code) => code.promo_code_value));
    }
    return this.baskets.toInpostBasket(basket);
  }

  @Delete('v1/izi/basket/:basketId/binding')
  @HttpCode(200)
  unbind(@Param('basketId') basketId: string): Record<string, never> {
    this.baskets.get(basketId).inpostBasketId = undefined;
    return {};
  }

  @Post('v1/izi/basket/product/:productId')
  @HttpCode(200)
  addProduct(@Param('productId') productId: string, @Body() body: AddProductDto): AddProductResponse {
    const basket = body.basket_id ? this.baskets.get(body.basket_id) : this.baskets.create([]);
    this.baskets.setQuantity(basket, productId, (basket.lines.get(productId) ?? 0) + 1);
    return { ...this.baskets.toInpostBasket(basket), basket_id: basket.id };
  }

  @Get('v1/izi/products')
  products(@Query() query: ProductFeedQuery): ProductFeedResponse {
    return productFeed(query);
  }

  @Post('v1/izi/order')
  @HttpCode(200)
  createOrder(@Body() body: CreateOrderDto): Order {
    return this.orders.createOnce(body);
  }

  @Get('v1/izi/order/:orderId')
  getOrder(@Param('orderId') orderId: string): Order {
    return this.orders.get(orderId).order;
  }

  @Post('v1/izi/order/:orderId/event')
  @HttpCode(200)
  orderEvent(@Param('orderId') orderId: string, @Body() body: OrderEventCallbackDto): OrderEventCallbackResponse {
    const order = this.orders.applyEvent(orderId, body);
    return { order_merchant_status_description: order.order.order_details.order_merchant_status_description };
  }
}
