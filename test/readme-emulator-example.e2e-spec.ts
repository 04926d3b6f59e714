// The README's emulator example, verbatim except for the import paths: it must keep working.
import { Body, Controller, Get, Param, Post, HttpCode, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import type { AddressInfo } from 'node:net';
import { BasketConfirmationDto, InpostPayCallback, InpostPayClient, InpostPayModule, type Basket } from '../lib/index.js';
import { InpostPayEmulator } from '../lib/testing/index.js';

const basket: Basket = { summary: { basket_base_price: { net: '10.00', gross: '12.30', vat: '2.30' }, currency: 'PLN' } };
const baskets = new Map<string, Basket>([['B1', basket]]);

@Controller('inpost')
@InpostPayCallback()
class CallbacksController {
  @Get('v1/izi/basket/:id')
  get(@Param('id') id: string) {
    return baskets.get(id);
  }

  @Post('v1/izi/basket/:id/confirmation')
  @HttpCode(200)
  confirm(@Param('id') id: string, @Body() body: BasketConfirmationDto) {
    return body.status === 'SUCCESS' ? baskets.get(id) : {};
  }
}

describe('checkout with InPost Pay', () => {
  const emulator = new InpostPayEmulator();
  let app: Awaited<ReturnType<typeof NestFactory.create>>;

  beforeAll(async () => {
    await emulator.start();
    @Module({
      imports: [
        ScheduleModule.forRoot(),
        InpostPayModule.forRoot({ ...emulator.moduleOptions(), callbacks: { allowedIps: ['127.0.0.1', '::1'] } }),
      ],
      controllers: [CallbacksController],
    })
    class TestModule {}
    app = await NestFactory.create(TestModule, { rawBody: true, logger: false });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    await emulator.stop();
  });

  it('binds a basket and has it confirmed in the app', async () => {
    const client = app.get(InpostPayClient);
    await client.updateBasket('B1', basket);
    const { basket_binding_api_key } = await client.bindBasket('B1');
    expect(basket_binding_api_key).toBeTruthy();

    const { port } = app.getHttpServer().address() as AddressInfo;
    const answer = await emulator.app(`http://127.0.0.1:${port}/inpost`).confirmBinding('B1');
    expect(answer.status).toBe(200);
    expect(emulator.requestCount('POST /token')).toBe(1);
  });
});
