import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { InpostPayBodyParseErrorFilter, type Basket, type Order } from '../lib/index.js';
import type { SimulatorAnswer } from '../lib/testing/index.js';
import { AppModule } from './app.module.js';
import { EmbeddedEmulator } from './embedded-emulator.js';

/** A step of the demo that did not go as expected. */
export class DemoStepError extends Error {
  constructor(
    readonly step: string,
    reason: string,
  ) {
    super(`${step}: ${reason}`);
  }
}

type Print = (line: string) => void;

function expectStatus<T>(step: string, answer: SimulatorAnswer<T>, status = 200): T {
  if (answer.status !== status) throw new DemoStepError(step, `expected HTTP ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

function finalGross(basket: Basket): string {
  return String(basket.summary.basket_final_price?.gross ?? basket.summary.basket_base_price.gross);
}

async function shopCall<T>(step: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new DemoStepError(step, `the shop answered HTTP ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/**
 * One complete InPost Pay purchase against the sample app and the embedded emulator, printed
 * step by step. Throws `DemoStepError` naming the step that failed.
 */
export async function runDemo(print: Print): Promise<void> {
  process.env.INPOST_PAY_USE_EMULATOR = 'true';
  const app: INestApplication = await NestFactory.create(AppModule, { rawBody: true, logger: ['error'] });
  app.useGlobalFilters(new InpostPayBodyParseErrorFilter(app.get(HttpAdapterHost).httpAdapter));
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const shopUrl = `http://127.0.0.1:${port}`;
    const emulator = app.get(EmbeddedEmulator).current;
    if (!emulator) throw new DemoStepError('boot', 'the embedded emulator did not start');
    const inpostApp = emulator.app(`${shopUrl}/inpost`);
    print(`Shop backend on ${shopUrl}; embedded InPost Pay emulator on ${emulator.baseUrl}`);

    let step = '1. shop creates a basket and binds it';
    const { basketId, bindingKey } = await shopCall<{ basketId: string; bindingKey: string }>(step, `${shopUrl}/shop/checkout`, {
      lines: [
        { productId: 'MUG-1', quantity: 2 },
        { productId: 'TEE-1', quantity: 1 },
      ],
    });
    if (!bindingKey) throw new DemoStepError(step, 'no binding key');
    print(`${step}: PUT /v2/izi/basket/${basketId} + PUT .../binding -> basket_binding_api_key ${bindingKey}`);

    step = '2. customer confirms the binding in the app';
    let basket = expectStatus(step, await inpostApp.confirmBinding(basketId));
    print(`${step}: POST /inpost/v1/izi/basket/${basketId}/confirmation -> 200, total ${finalGross(basket)} PLN`);

    step = '3. customer changes a quantity in the app';
    basket = expectStatus(step, await inpostApp.changeQuantity(basketId, 'MUG-1', 3));
    const mugs = basket.products?.find((product) => product.product_id === 'MUG-1')?.quantity.quantity;
    if (mugs !== 3) throw new DemoStepError(step, `expected 3 mugs, the basket has ${mugs}`);
    print(`${step}: POST /inpost/v1/izi/basket/${basketId}/event PRODUCTS_QUANTITY MUG-1=3 -> 200, total ${finalGross(basket)} PLN`);

    step = '4. customer applies a promo code';
    const before = Number(finalGross(basket));
    basket = expectStatus(step, await inpostApp.applyPromoCodes(basketId, ['WELCOME10']));
    if (!(Number(finalGross(basket)) < before)) throw new DemoStepError(step, 'the promo code did not lower the total');
    print(`${step}: POST /inpost/v1/izi/basket/${basketId}/event PROMO_CODES WELCOME10 -> 200, total ${finalGross(basket)} PLN`);

    step = '5. InPost creates the order';
    const order = expectStatus<Order>(step, await inpostApp.createOrder(basketId));
    const orderId = order.order_details.order_id;
    const repeat = expectStatus<Order>(step, await inpostApp.createOrder(basketId));
    if (repeat.order_details.order_id !== orderId) throw new DemoStepError(step, 'a repeated order creation made a second order');
    print(`${step}: POST /inpost/v1/izi/order -> 200 order ${orderId} (a repeat returned the same order)`);

    step = '6. payment AUTHORIZED';
    expectStatus(step, await inpostApp.sendPaymentEvent(orderId, 'AUTHORIZED'));
    print(`${step}: POST /inpost/v1/izi/order/${orderId}/event payment_status=AUTHORIZED -> 200`);

    step = '7. shop marks the order completed';
    await shopCall(step, `${shopUrl}/shop/orders/${orderId}/complete`);
    const reported = emulator.state.orderEvents(orderId).at(-1)?.event_data.order_status;
    if (reported !== 'ORDER_COMPLETED') throw new DemoStepError(step, `InPost saw order status ${reported ?? 'nothing'}`);
    print(`${step}: POST /v1/izi/order/${orderId}/event ORDER_COMPLETED -> InPost recorded it`);

    print(`Token requests: ${emulator.requestCount('POST /token')}. Purchase complete.`);
  } finally {
    await app.close();
  }
}
