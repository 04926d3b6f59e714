import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CheckoutService } from './checkout.service.js';

/** The shop's own API, as its storefront would call it. */
@Controller('shop')
export class ShopController {
  constructor(private readonly checkout: CheckoutService) {}

  /** Starts an InPost Pay checkout for these lines; answers the widget's binding key. */
  @Post('checkout')
  startCheckout(@Body() body: { lines: { productId: string; quantity: number }[] }) {
    return this.checkout.startCheckout(body.lines ?? []);
  }

  /** The customer changed a line in the shop's cart: the basket in the app follows. */
  @Put('baskets/:basketId/lines/:productId')
  @HttpCode(204)
  async changeLine(@Param('basketId') basketId: string, @Param('productId') productId: string, @Body() body: { quantity: number }): Promise<void> {
    await this.checkout.changeLine(basketId, productId, Number(body.quantity));
  }

  /** The shop shipped the order: tell InPost it is completed. */
  @Post('orders/:orderId/complete')
  @HttpCode(204)
  async complete(@Param('orderId') orderId: string): Promise<void> {
    await this.checkout.completeOrder(orderId);
  }
}
