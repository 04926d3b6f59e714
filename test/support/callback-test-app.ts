import { Body, Controller, Delete, Get, HttpCode, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import type { AddressInfo } from 'node:net';
import {
  BasketConfirmationDto,
  BasketEventDto,
  CreateOrderDto,
  InpostPayBodyParseErrorFilter,
  InpostPayCallback,
  InpostPayCallbackException,
  InpostPayModule,
  InpostPayWebhook,
  OrderEventCallbackDto,
  TransactionWebhookDto,
  type InpostPayCallbackOptions,
} from '../../lib/index.js';
import { CapturingLogger } from './capturing-logger.js';
import { FakeApiServer } from './fake-api-server.js';
import { FakeTokenServer } from './fake-token-server.js';
import { InpostSigner } from './inpost-signer.js';

export type AdapterKind = 'express' | 'fastify';

/** Which handlers ran, in order. */
export type HandlerLog = string[];

const basket = { summary: { basket_base_price: { net: '10.00', gross: '12.30', vat: '2.30' }, currency: 'PLN' } };

/** The merchant's callback controller under `@InpostPayCallback()`, recording in `ran` which handlers ran. */
export function callbackController(ran: HandlerLog) {
  @Controller('inpost')
  @InpostPayCallback()
  class MerchantCallbacksController {
    @Get('v1/izi/basket/:basketId')
    getBasket(@Param('basketId') basketId: string) {
      ran.push(`getBasket:${basketId}`);
      return basket;
    }

    @Post('v1/izi/basket/:basketId/confirmation')
    @HttpCode(200)
    confirm(@Param('basketId') basketId: string, @Body() body: BasketConfirmationDto) {
      ran.push(`confirm:${basketId}:${body.status}`);
      return basket;
    }

    @Post('v1/izi/basket/:basketId/event')
    @HttpCode(200)
    basketEvent(@Body() body: BasketEventDto) {
      ran.push(`basketEvent:${body.event_type}`);
      return basket;
    }

    @Delete('v1/izi/basket/:basketId/binding')
    @HttpCode(200)
    unbind(@Param('basketId') basketId: string) {
      ran.push(`unbind:${basketId}`);
      return {};
    }

    @Post('v1/izi/order')
    @HttpCode(200)
    createOrder(@Body() body: CreateOrderDto) {
      ran.push(`createOrder:${body.order_details.basket_id}`);
      return { order_details: { order_id: 'O-1' } };
    }

    @Get('v1/izi/order/:orderId')
    getOrder(@Param('orderId') orderId: string) {
      ran.push(`getOrder:${orderId}`);
      throw new InpostPayCallbackException(404, 'ORDER_NOT_FOUND', 'Order not found');
    }

    @Post('v1/izi/order/:orderId/event')
    @HttpCode(200)
    orderEvent(@Body() body: OrderEventCallbackDto) {
      ran.push(`orderEvent:${body.event_data.payment_status ?? ''}`);
      return {};
    }

    /** Decorated again on top of the class: the guards run twice and must still accept the call once. */
    @Get('v1/izi/products')
    @InpostPayCallback()
    products() {
      ran.push('products');
      return { content: [], total_items: 0, page_index: 0, page_size: 20 };
    }

    @Post('v1/izi/broken')
    @HttpCode(200)
    broken() {
      ran.push('broken');
      throw new Error('database down at /srv/shop/orders.repository.ts:42');
    }
  }
  return MerchantCallbacksController;
}

function otherControllers(ran: HandlerLog) {
  @Controller()
  class HealthController {
    @Get('health')
    health() {
      ran.push('health');
      return { ok: true };
    }
  }

  @Controller('inpost-webhooks')
  class WebhookController {
    @Post('events')
    @HttpCode(200)
    @InpostPayWebhook()
    event(@Body() body: TransactionWebhookDto) {
      ran.push(`webhook:${body.eventType}`);
      return {};
    }
  }
  return [HealthController, WebhookController];
}

/** A merchant app with callback routes on the given adapter, wired to local InPost stand-ins. */
export interface CallbackTestBed {
  app: INestApplication;
  port: number;
  ran: HandlerLog;
  signer: InpostSigner;
  apiServer: FakeApiServer;
  logger: CapturingLogger;
  signingKeyFetches(): number;
  close(): Promise<void>;
}

export interface CallbackTestBedOptions {
  adapter: AdapterKind;
  callbacks?: InpostPayCallbackOptions;
  rawBody?: boolean;
}

/** Makes `apiServer` serve `signer`'s public key on the signing-keys endpoints, as InPost does. */
export function serveSigningKeys(apiServer: FakeApiServer, signer: InpostSigner): void {
  apiServer.script = (request) => {
    if (request.path === '/v1/izi/signing-keys/public') {
      return {
        status: 200,
        body: { merchant_external_id: signer.merchantExternalId, public_keys: [{ public_key_base64: signer.publicKeyBase64, version: signer.version }] },
      };
    }
    const match = /^\/v1\/izi\/signing-keys\/public\/(.+)$/.exec(request.path);
    if (!match) return undefined;
    if (decodeURIComponent(match[1]!) !== signer.version) {
      return { status: 404, body: { error_code: 'PUBLIC_KEY_NOT_FOUND', error_message: 'Public key not found' } };
    }
    return {
      status: 200,
      body: { merchant_external_id: signer.merchantExternalId, public_key: { public_key_base64: signer.publicKeyBase64, version: signer.version } },
    };
  };
}

export async function startCallbackTestBed(options: CallbackTestBedOptions): Promise<CallbackTestBed> {
  const signer = new InpostSigner();
  const tokenServer = new FakeTokenServer();
  const apiServer = new FakeApiServer(tokenServer);
  serveSigningKeys(apiServer, signer);
  const tokenUrl = await tokenServer.start();
  const apiBaseUrl = await apiServer.start();
  const ran: HandlerLog = [];

  @Module({
    imports: [
      ScheduleModule.forRoot(),
      InpostPayModule.forRoot({
        clientId: tokenServer.clientId,
        clientSecret: tokenServer.clientSecret,
        tokenUrl,
        apiBaseUrl,
        callbacks: {
          allowedIps: ['127.0.0.2', '::1'],
          trustedProxies: ['127.0.0.5'],
          signingKeyRefetchIntervalSeconds: 0.001,
          signingKeyFetchesPerMinute: 100_000,
          webhookSecret: 'webhook-secret',
          ...options.callbacks,
        },
      }),
    ],
    controllers: [callbackController(ran), ...otherControllers(ran)],
  })
  class MerchantAppModule {}

  const logger = new CapturingLogger();
  const rawBody = options.rawBody ?? true;
  const app =
    options.adapter === 'express'
      ? await NestFactory.create(MerchantAppModule, { rawBody, logger })
      : await NestFactory.create(MerchantAppModule, new FastifyAdapter(), { rawBody, logger });
  app.useGlobalFilters(new InpostPayBodyParseErrorFilter(app.get(HttpAdapterHost).httpAdapter));
  await app.listen(0, '::');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    port,
    ran,
    signer,
    apiServer,
    logger,
    signingKeyFetches: () => apiServer.requests.filter((request) => request.path.startsWith('/v1/izi/signing-keys/')).length,
    async close() {
      await app.close();
      await Promise.all([tokenServer.close(), apiServer.close()]);
    },
  };
}
