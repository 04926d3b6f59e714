import 'reflect-metadata';
import { Body, Controller, Delete, Get, HttpCode, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BasketConfirmationDto,
  BasketEventDto,
  CreateOrderDto,
  InpostPayApiException,
  InpostPayCallback,
  InpostPayCallbackException,
  InpostPayClient,
  InpostPayModule,
  OrderEventCallbackDto,
  type Basket,
  type HotProduct,
  type Order,
} from '../lib/index.js';
import { InpostPayEmulator, type InpostPayEmulatorOptions } from '../lib/testing/index.js';
import { InpostSigner } from './support/inpost-signer.js';

// ---------------------------------------------------------------------------------------------
// helpers

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One HTTP request on a connection of its own (nothing stays pooled). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const request = httpRequest(url, { method: options.method ?? 'GET', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

function requestToken(emulator: InpostPayEmulator, form: Record<string, string> = {}): Promise<Answer> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: emulator.clientId,
    client_secret: emulator.clientSecret,
    ...form,
  });
  for (const [key, value] of Object.entries(form)) if (value === '') body.delete(key);
  return send(emulator.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
}

async function accessToken(emulator: InpostPayEmulator): Promise<string> {
  const answer = await requestToken(emulator);
  expect(answer.status).toBe(200);
  return answer.json().access_token as string;
}

function callApi(
  emulator: InpostPayEmulator,
  method: string,
  path: string,
  options: { token?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return send(`${emulator.apiBaseUrl}${path}`, { method, headers, body: options.body });
}

/** Lets the event loop pass its close phase, where closed handles are released. */
async function passCloseCallbacks(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

async function startedEmulator(options: InpostPayEmulatorOptions = {}): Promise<InpostPayEmulator> {
  const emulator = new InpostPayEmulator(options);
  await emulator.start();
  return emulator;
}

const price = (gross: number) => ({ net: (gross / 1.23).toFixed(2), gross: gross.toFixed(2), vat: (gross - gross / 1.23).toFixed(2) });

// ---------------------------------------------------------------------------------------------
// a merchant backend written with the module, as a merchant would

interface MerchantLog {
  ran: string[];
  paymentStatuses: string[];
}

/** The shop's basket: one product line, 10.00 PLN each, and an optional promo code taking 5.00 off. */
class ShopBaskets {
  readonly quantities = new Map<string, number>();
  readonly promoCodes = new Map<string, string[]>();

  basket(basketId: string): Basket {
    const quantity = this.quantities.get(basketId) ?? 2;
    const discount = (this.promoCodes.get(basketId) ?? []).includes('SALE5') ? 5 : 0;
    const base = 10 * quantity;
    return {
      summary: { basket_base_price: price(base), basket_final_price: price(base - discount), currency: 'PLN' },
      products: [{ product_id: 'P1', product_name: 'Mug', base_price: price(10), quantity: { quantity, quantity_type: 'INTEGER' } }],
      promo_codes: (this.promoCodes.get(basketId) ?? []).map((code) => ({ promo_code_value: code })),
      consents: [
        {
          consent_id: 'terms',
          consent_link: 'https://shop.example/terms',
          consent_description: 'Terms',
          consent_version: '3',
          requirement_type: 'REQUIRED_ALWAYS',
        },
      ],
    };
  }
}

function merchantController(log: MerchantLog, shop: ShopBaskets) {
  const orders = new Map<string, Order>();

  @Controller('inpost')
  @InpostPayCallback()
  class MerchantCallbacks {
    @Get('v1/izi/basket/:basketId')
    getBasket(@Param('basketId') basketId: string) {
      log.ran.push(`getBasket:${basketId}`);
      return shop.basket(basketId);
    }

    @Post('v1/izi/basket/:basketId/confirmation')
    @HttpCode(200)
    confirm(@Param('basketId') basketId: string, @Body() body: BasketConfirmationDto) {
      log.ran.push(`confirm:${basketId}:${body.status}:${body.name} ${body.surname}`);
      return shop.basket(basketId);
    }

    @Post('v1/izi/basket/:basketId/event')
    @HttpCode(200)
    event(@Param('basketId') basketId: string, @Body() body: BasketEventDto) {
      log.ran.push(`event:${body.event_type}`);
      for (const line of body.quantity_event_data ?? []) shop.quantities.set(basketId, line.quantity.quantity);
      if (body.promo_codes_event_data) shop.promoCodes.set(basketId, body.promo_codes_event_data.map((code) => code.promo_code_value));
      return shop.basket(basketId);
    }

    @Delete('v1/izi/basket/:basketId/binding')
    @HttpCode(200)
    unbind(@Param('basketId') basketId: string) {
      log.ran.push(`unbind:${basketId}`);
      return {};
    }

    @Post('v1/izi/order')
    @HttpCode(200)
    createOrder(@Body() body: CreateOrderDto) {
      const basketId = body.order_details.basket_id;
      log.ran.push(`createOrder:${basketId}:${String(body.order_details.basket_price.gross)}:${body.order_details.payment_type}`);
      const basket = shop.basket(basketId);
      const order: Order = {
        order_details: {
          order_id: `O-${basketId}`,
          pos_id: 'POS-1',
          order_creation_date: new Date().toISOString(),
          basket_id: basketId,
          payment_type: body.order_details.payment_type,
          order_merchant_status_description: 'New',
          order_base_price: basket.summary.basket_base_price,
          order_final_price: basket.summary.basket_final_price ?? basket.summary.basket_base_price,
          currency: body.order_details.currency,
        },
        account_info: body.account_info,
        delivery: body.delivery,
        products: basket.products ?? [],
      };
      orders.set(order.order_details.order_id, order);
      return order;
    }

    @Get('v1/izi/order/:orderId')
    getOrder(@Param('orderId') orderId: string) {
      const order = orders.get(orderId);
      if (!order) throw new InpostPayCallbackException(404, 'ORDER_NOT_FOUND', 'Order not found');
      return order;
    }

    @Post('v1/izi/order/:orderId/event')
    @HttpCode(200)
    orderEvent(@Param('orderId') orderId: string, @Body() body: OrderEventCallbackDto) {
      log.paymentStatuses.push(`${orderId}:${body.event_data.payment_status ?? ''}`);
      return { order_merchant_status_description: `Payment ${body.event_data.payment_status ?? 'unknown'}` };
    }
  }
  return MerchantCallbacks;
}

interface MerchantBed {
  app: INestApplication;
  url: string;
  client: InpostPayClient;
  log: MerchantLog;
  shop: ShopBaskets;
}

async function startMerchant(emulator: InpostPayEmulator): Promise<MerchantBed> {
  const log: MerchantLog = { ran: [], paymentStatuses: [] };
  const shop = new ShopBaskets();

  @Module({
    imports: [
      ScheduleModule.forRoot(),
      InpostPayModule.forRoot({ ...emulator.moduleOptions(), callbacks: { allowedIps: ['127.0.0.1', '::1'] } }),
    ],
    controllers: [merchantController(log, shop)],
  })
  class MerchantModule {}

  const app = await NestFactory.create(MerchantModule, { rawBody: true, logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/inpost`, client: app.get(InpostPayClient), log, shop };
}

/** A local server that records one request and answers with `answer`. */
async function startRecorder(answer: unknown): Promise<{ url: string; seen: { headers: IncomingHttpHeaders; body: string }[]; close: () => Promise<void> }> {
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function signatureHeadersOf(headers: IncomingHttpHeaders): Record<string, string> {
  const names = ['x-signature', 'x-signature-timestamp', 'x-public-key-ver', 'x-public-key-hash'];
  return Object.fromEntries(names.map((name) => [name, String(headers[name])]));
}

// ---------------------------------------------------------------------------------------------

describe('InpostPayEmulator: token endpoint', () => {
  let emulator: InpostPayEmulator;

  beforeAll(async () => {
    emulator = await startedEmulator();
  });
  afterAll(() => emulator.stop());

  it('issues a fresh, distinct Keycloak-shaped token on every request', async () => {
    const before = emulator.state.issuedTokens;
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => requestToken(emulator)));
    const bodies = answers.map((answer) => answer.json());

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(bodies.map((body) => body.access_token)).size).toBe(5);
    expect(bodies[0]).toEqual({
      access_token: expect.any(String),
      expires_in: 300,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'api:inpostpay',
    });
    expect(emulator.state.issuedTokens).toBe(before + 5);
  });

  it('answers invalid_request without grant_type, invalid_client for a wrong id or secret', async () => {
    const noGrant = await requestToken(emulator, { grant_type: '' });
    const wrongId = await requestToken(emulator, { client_id: 'someone-else' });
    const wrongSecret = await requestToken(emulator, { client_secret: 'not-the-secret' });

    expect([noGrant.status, noGrant.json()]).toEqual([400, { error: 'invalid_request', error_description: 'Missing form parameter: grant_type' }]);
    expect([wrongId.status, wrongId.json()]).toEqual([401, { error: 'invalid_client', error_description: 'Invalid client credentials' }]);
    expect([wrongSecret.status, wrongSecret.json()]).toEqual([401, { error: 'invalid_client', error_description: 'Invalid client secret' }]);
  });

  it('answers 401 UNAUTHORIZED to a missing, unknown or non-bearer token, before routing', async () => {
    const valid = await accessToken(emulator);
    const missing = await callApi(emulator, 'GET', '/v1/izi/payment-methods');
    const unknown = await callApi(emulator, 'GET', '/v1/izi/payment-methods', { token: 'emu.made-up' });
    const basic = await callApi(emulator, 'GET', '/v1/izi/payment-methods', { headers: { authorization: `Basic ${valid}` } });
    const unknownRoute = await callApi(emulator, 'GET', '/v1/izi/nowhere');

    for (const answer of [missing, unknown, basic, unknownRoute]) {
      expect(answer.status).toBe(401);
      expect(answer.json()).toEqual({ error_code: 'UNAUTHORIZED', error_message: expect.any(String) });
    }
    expect((await callApi(emulator, 'GET', '/v1/izi/payment-methods', { token: valid })).status).toBe(200);
  });

  it('honours tokenLifetimeSeconds on its own clock: valid until the lifetime is over, then 401', async () => {
    let now = Date.parse('2024-05-01T10:00:00.000Z');
    const shortLived = await startedEmulator({ tokenLifetimeSeconds: 1, now: () => now });
    try {
      const answer = await requestToken(shortLived);
      expect(answer.json().expires_in).toBe(1);
      const token = answer.json().access_token as string;

      expect((await callApi(shortLived, 'GET', '/v1/izi/payment-methods', { token })).status).toBe(200);
      now += 999;
      expect((await callApi(shortLived, 'GET', '/v1/izi/payment-methods', { token })).status).toBe(200);
      now += 1;
      const expired = await callApi(shortLived, 'GET', '/v1/izi/payment-methods', { token });
      expect([expired.status, expired.json().error_code]).toEqual([401, 'UNAUTHORIZED']);

      const renewed = await accessToken(shortLived);
      expect((await callApi(shortLived, 'GET', '/v1/izi/payment-methods', { token: renewed })).status).toBe(200);
    } finally {
      await shortLived.stop();
    }
  });
});

describe('InpostPayEmulator: InPost Pay API through the module client', () => {
  let emulator: InpostPayEmulator;
  let merchant: MerchantBed;
  let token: string;

  beforeAll(async () => {
    emulator = await startedEmulator({ paymentMethods: ['BLIK_CODE', 'CARD'] });
    merchant = await startMerchant(emulator);
    token = await accessToken(emulator);
  });
  afterAll(async () => {
    await merchant.app.close();
    await emulator.stop();
  });

  it('binds and stores baskets: same binding key and InPost basket id for the same basket', async () => {
    const first = await merchant.client.bindBasket('API-B1');
    const again = await merchant.client.bindBasket('API-B1');
    const other = await merchant.client.bindBasket('API-B2');
    const stored = await merchant.client.updateBasket('API-B1', merchant.shop.basket('API-B1'));
    const storedAgain = await merchant.client.updateBasket('API-B1', merchant.shop.basket('API-B1'));

    expect(first.basket_binding_api_key).toEqual(expect.any(String));
    expect(again).toEqual(first);
    expect(other.basket_binding_api_key).not.toBe(first.basket_binding_api_key);
    expect(storedAgain.inpost_basket_id).toBe(stored.inpost_basket_id);
    expect(emulator.state.basket('API-B1')).toMatchObject({ inpost_basket_id: stored.inpost_basket_id, basket: { summary: { currency: 'PLN' } } });
    expect(await merchant.client.getBasketBinding('API-B1')).toEqual({ basket_linked: false, browser_trusted: false });
  });

  it('refuses a basket without summary (400 BAD_REQUEST) and malformed JSON (400 MALFORMED_REQUEST)', async () => {
    const noSummary = await callApi(emulator, 'PUT', '/v2/izi/basket/API-B3', { token, body: JSON.stringify({ products: [] }) });
    const malformed = await callApi(emulator, 'PUT', '/v2/izi/basket/API-B3', { token, body: '{"summary": ' });

    expect([noSummary.status, noSummary.json().error_code]).toEqual([400, 'BAD_REQUEST']);
    expect([malformed.status, malformed.json().error_code]).toEqual([400, 'MALFORMED_REQUEST']);
    expect(emulator.state.basket('API-B3')).toBeUndefined();
  });

  it('answers 404 NOT_FOUND to an unknown route with a valid token', async () => {
    const answer = await callApi(emulator, 'GET', '/v1/izi/nowhere', { token });
    expect([answer.status, answer.json()]).toEqual([404, { error_code: 'NOT_FOUND', error_message: expect.any(String) }]);
  });

  it('deletes a binding with 204, then answers 404 BASKET_NOT_FOUND', async () => {
    await merchant.client.updateBasket('API-DEL', merchant.shop.basket('API-DEL'));
    const first = await callApi(emulator, 'DELETE', '/v1/izi/basket/API-DEL/binding?if_basket_realized=1', { token });
    const second = await callApi(emulator, 'DELETE', '/v1/izi/basket/API-DEL/binding', { token });

    expect(first.status).toBe(204);
    expect([second.status, second.json().error_code]).toEqual([404, 'BASKET_NOT_FOUND']);
    expect(emulator.state.basket('API-DEL')).toBeUndefined();
  });

  it('serves the configured payment methods and its signing keys, 404 PUBLIC_KEY_NOT_FOUND for another version', async () => {
    const key = emulator.signingKey();

    expect(await merchant.client.getPaymentMethods()).toEqual({ payment_type: ['BLIK_CODE', 'CARD'] });
    expect(await merchant.client.getSigningKeys()).toEqual({
      merchant_external_id: 'emulator-merchant',
      public_keys: [{ public_key_base64: key.publicKeyBase64, version: 'emulator-v1' }],
    });
    expect(await merchant.client.getSigningKey('emulator-v1')).toEqual({
      merchant_external_id: 'emulator-merchant',
      public_key: { public_key_base64: key.publicKeyBase64, version: 'emulator-v1' },
    });
    expect(key.publicKeyBase64.startsWith('MIIBIjANBg')).toBe(true);
    await expect(merchant.client.getSigningKey('v999')).rejects.toMatchObject({ status: 404, errorCode: 'PUBLIC_KEY_NOT_FOUND' });
  });

  it('creates, lists, updates and deletes hot products', async () => {
    const product: HotProduct = {
      product_id: 'HP1',
      product_name: 'Mug',
      price: price(10),
      currency: 'PLN',
      quantity: { quantity_type: 'INTEGER', available_quantity: 5 },
    };
    const created = await merchant.client.createProducts([product, { ...product, product_id: 'HP2' }]);
    const duplicate = await merchant.client.createProducts([product]).catch((error: unknown) => error);
    await merchant.client.updateProduct('HP1', { ...product, product_name: 'Big mug' });
    const listed = await merchant.client.listProducts({ product_ids: 'HP1' });
    await merchant.client.deleteProduct('HP2');
    const missing = await merchant.client.deleteProduct('HP2').catch((error: unknown) => error);

    expect(created.content.map((entry) => entry.product_id)).toEqual(['HP1', 'HP2']);
    expect(created.content[0]).toEqual({ product_id: 'HP1', qr_code: expect.any(String), deep_link: expect.any(String) });
    expect(duplicate).toMatchObject({ status: 409, errorCode: 'PRODUCT_EXISTS' });
    expect(listed).toMatchObject({ total_items: 1, content: [{ product_id: 'HP1', product_name: 'Big mug' }] });
    expect(missing).toMatchObject({ status: 404, errorCode: 'PRODUCT_NOT_FOUND' });
    expect(emulator.state.products().map((entry) => entry.product_id)).toEqual(['HP1']);
  });

  it('answers 404 ORDER_NOT_FOUND to an event for an order it never saw created', async () => {
    const error = await merchant.client
      .sendOrderEvent('O-UNKNOWN', { event_id: 'e-1', event_data_time: new Date().toISOString(), event_data: { order_status: 'ORDER_COMPLETED' } })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InpostPayApiException);
    expect(error).toMatchObject({ status: 404, errorCode: 'ORDER_NOT_FOUND' });
    expect(emulator.state.orderEvents('O-UNKNOWN')).toEqual([]);
  });
});

describe('InpostPayEmulator: app simulator against the module’s own callback guard', () => {
  let emulator: InpostPayEmulator;
  let merchant: MerchantBed;

  beforeAll(async () => {
    emulator = await startedEmulator();
    merchant = await startMerchant(emulator);
  });
  afterAll(async () => {
    await merchant.app.close();
    await emulator.stop();
  });

  it('signs so that InpostPaySignatureGuard accepts it, with the key the guard fetched from the emulator', async () => {
    const answer = await emulator.app(merchant.url).getBasket('B1');

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ summary: { currency: 'PLN' }, products: [{ product_id: 'P1' }] });
    expect(answer.request).toEqual({ method: 'GET', url: `${merchant.url}/v1/izi/basket/B1` });
    expect(merchant.log.ran).toContain('getBasket:B1');
    expect(emulator.requestCount('GET /v1/izi/signing-keys/public/{version}')).toBeGreaterThanOrEqual(1);
  });

  it('is refused (401 INVALID_SIGNATURE) with a signature from another key', async () => {
    const key = emulator.signingKey();
    const forger = new InpostSigner(key.version, key.merchantExternalId);
    const ranBefore = merchant.log.ran.length;

    const foreignHash = await send(`${merchant.url}/v1/izi/basket/B1`, { headers: forger.headers('') });
    const rightHashWrongKey = await send(`${merchant.url}/v1/izi/basket/B1`, {
      // the hash of the emulator's real key: the forgery passes the hash check and must fail on the signature
      headers: { ...forger.headers(''), 'x-public-key-hash': createHash('sha256').update(key.publicKeyBase64).digest('hex') },
    });

    expect([foreignHash.status, foreignHash.json().error_code]).toEqual([401, 'INVALID_SIGNATURE']);
    expect([rightHashWrongKey.status, rightHashWrongKey.json().error_code]).toEqual([401, 'INVALID_SIGNATURE']);
    expect(merchant.log.ran.length).toBe(ranBefore);
  });

  it('signs the exact body bytes: a captured call passes verbatim once, and fails with one byte changed', async () => {
    const recorder = await startRecorder(merchant.shop.basket('B2'));
    try {
      await emulator.app(recorder.url).confirmBinding('B2');
    } finally {
      await recorder.close();
    }
    const [captured] = recorder.seen;
    const headers = { ...signatureHeadersOf(captured!.headers), 'content-type': 'application/json' };
    const target = `${merchant.url}/v1/izi/basket/B2/confirmation`;

    const tampered = await send(target, { method: 'POST', headers, body: captured!.body.replace('Kowalski', 'Kowalsky') });
    const verbatim = await send(target, { method: 'POST', headers, body: captured!.body });
    const replayed = await send(target, { method: 'POST', headers, body: captured!.body });

    expect(JSON.parse(captured!.body)).toMatchObject({ status: 'SUCCESS', name: 'Jan', surname: 'Kowalski', phone_number: { country_prefix: '+48', phone: '600000000' } });
    expect([tampered.status, tampered.json().error_code]).toEqual([401, 'INVALID_SIGNATURE']);
    expect(verbatim.status).toBe(200);
    expect([replayed.status, replayed.json().error_code]).toEqual([401, 'INVALID_SIGNATURE']);
    expect(captured!.headers['x-signature-timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('plays a whole purchase: binding, basket events, order, payment, merchant event, transaction and refund', async () => {
    const inpost = emulator.app(merchant.url);
    const { client } = merchant;
    await client.bindBasket('B3');
    await client.updateBasket('B3', merchant.shop.basket('B3'));

    const confirmed = await inpost.confirmBinding('B3');
    const binding = await client.getBasketBinding('B3');
    const quantity = await inpost.changeQuantity('B3', 'P1', 3);
    const promo = await inpost.applyPromoCodes('B3', ['SALE5']);
    const order = await inpost.createOrder('B3');
    const orderId = (order.body as Order).order_details.order_id;
    const read = await inpost.getOrder(orderId);
    const paid = await inpost.sendPaymentEvent(orderId, 'AUTHORIZED');
    await client.sendOrderEvent(orderId, {
      event_id: 'done-1',
      event_data_time: new Date().toISOString(),
      event_data: { order_status: 'ORDER_COMPLETED', delivery_references_list: ['PARCEL-1'] },
    });

    expect(confirmed.status).toBe(200);
    expect(binding).toMatchObject({ basket_linked: true, client_details: { name: 'Jan', surname: 'Kowalski', phone_number: '+48600000000' } });
    expect((quantity.body as Basket).products?.[0]?.quantity.quantity).toBe(3);
    expect((promo.body as Basket).summary.basket_final_price?.gross).toBe('25.00');
    expect(merchant.log.ran).toContain('createOrder:B3:25.00:BLIK_CODE');
    expect(order.request.body).toMatchObject({
      order_details: { basket_id: 'B3', currency: 'PLN', payment_type: 'BLIK_CODE' },
      delivery: { delivery_type: 'APM' },
      consents: [{ consent_id: 'terms', consent_version: '3', is_accepted: true }],
    });
    expect(read.status).toBe(200);
    expect(paid).toMatchObject({ status: 200, body: { order_merchant_status_description: 'Payment AUTHORIZED' } });
    expect(merchant.log.paymentStatuses).toEqual([`${orderId}:AUTHORIZED`]);
    expect(emulator.state.order(orderId)).toMatchObject({ payment_status: 'AUTHORIZED', order_status: 'ORDER_COMPLETED' });
    expect(emulator.state.orderEvents(orderId).map((event) => event.event_id)).toEqual(['done-1']);

    const transactions = await client.listTransactions({ order_id: orderId });
    expect(transactions).toMatchObject({ count: 1, items: [{ order_id: orderId, status: 'AUTHORIZED', amount: '25.00', currency: 'PLN' }] });
    const transactionId = transactions.items[0]!['transaction_id'] as string;

    const refund = await client.refundTransaction(transactionId, { refund_amount: '5.00', external_refund_id: 'R-1' }, { commandId: 'cmd-1' });
    const retried = await client.refundTransaction(transactionId, { refund_amount: '5.00', external_refund_id: 'R-1' }, { commandId: 'cmd-1' });
    expect(refund).toEqual({ external_refund_id: 'R-1', refund_amount: '5.00', status: 'SUCCESS', description: expect.any(String) });
    expect(retried).toEqual(refund);
    expect(emulator.state.refunds()).toHaveLength(1);
    expect(emulator.state.transactions()[0]).toMatchObject({ status: 'PARTIALLY_REFUNDED', refunded_amount: '5.00' });
  });

  it('refuses a refund without X-Command-ID or with a signature not made with the transaction secret', async () => {
    const token = await accessToken(emulator);
    const path = '/v1/izi/transaction/T-1/refund';
    const noCommand = await callApi(emulator, 'POST', path, { token, body: JSON.stringify({ signature: 'x' }) });
    const badSignature = await callApi(emulator, 'POST', path, {
      token,
      headers: { 'x-command-id': 'cmd-2' },
      body: JSON.stringify({ refund_amount: '1.00', signature: 'a'.repeat(128) }),
    });

    expect([noCommand.status, noCommand.json().error_code]).toEqual([400, 'BAD_REQUEST']);
    expect([badSignature.status, badSignature.json()]).toEqual([400, { error_code: 'BAD_REQUEST', error_message: 'Invalid signature' }]);
  });

  it('forgets the binding when the app unlinks the basket, and tells the merchant', async () => {
    const inpost = emulator.app(merchant.url);
    await inpost.confirmBinding('B4');
    expect((await merchant.client.getBasketBinding('B4')).basket_linked).toBe(true);

    const unbound = await inpost.unbindBasket('B4');

    expect(unbound.status).toBe(200);
    expect(merchant.log.ran).toContain('unbind:B4');
    expect((await merchant.client.getBasketBinding('B4')).basket_linked).toBe(false);
  });
});

describe('InpostPayEmulator: fault knobs', () => {
  let emulator: InpostPayEmulator;

  beforeEach(async () => {
    emulator = await startedEmulator();
  });
  afterEach(() => emulator.stop());

  it('tokenEndpoint reset drops the connection; healing restores it', async () => {
    emulator.faults.tokenEndpoint = { mode: 'reset' };
    await expect(requestToken(emulator)).rejects.toThrow(/socket hang up|ECONNRESET/);
    emulator.faults.tokenEndpoint = undefined;

    expect((await requestToken(emulator)).status).toBe(200);
    expect(emulator.requestCount('POST /token')).toBe(2);
    expect(emulator.state.issuedTokens).toBe(1);
  });

  it('tokenEndpoint status answers an OAuth error body with Retry-After', async () => {
    emulator.faults.tokenEndpoint = { mode: 'status', status: 503, retryAfterSeconds: 7 };
    const answer = await requestToken(emulator);

    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('7');
    expect(answer.json()).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
    expect(emulator.state.issuedTokens).toBe(0);
  });

  it('tokenEndpoint delay answers normally, late', async () => {
    emulator.faults.tokenEndpoint = { mode: 'delay', ms: 150 };
    const started = performance.now();
    const answer = await requestToken(emulator);

    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(answer.status).toBe(200);
    expect(answer.json().access_token).toEqual(expect.any(String));
  });

  it('api status answers InPost’s error body on every API route while the token endpoint keeps working', async () => {
    const token = await accessToken(emulator);
    emulator.faults.api = { mode: 'status', status: 503 };
    const known = await callApi(emulator, 'GET', '/v1/izi/payment-methods', { token });
    const unauthenticated = await callApi(emulator, 'PUT', '/v2/izi/basket/B1/binding');

    expect([known.status, known.json()]).toEqual([503, { error_code: 'SERVICE_UNAVAILABLE', error_message: expect.any(String) }]);
    expect(unauthenticated.status).toBe(503);
    expect((await requestToken(emulator)).status).toBe(200);

    emulator.faults.api = { mode: 'status', status: 500 };
    expect((await callApi(emulator, 'GET', '/v1/izi/payment-methods', { token })).json().error_code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('api reset drops the connection; api delay answers normally, late', async () => {
    const token = await accessToken(emulator);
    emulator.faults.api = { mode: 'reset' };
    await expect(callApi(emulator, 'GET', '/v1/izi/payment-methods', { token })).rejects.toThrow(/socket hang up|ECONNRESET/);

    emulator.faults.api = { mode: 'delay', ms: 150 };
    const started = performance.now();
    const late = await callApi(emulator, 'GET', '/v1/izi/payment-methods', { token });

    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect([late.status, late.json()]).toEqual([200, { payment_type: ['CARD', 'BLIK_CODE', 'APPLE_PAY', 'GOOGLE_PAY'] }]);
  });

  it('the module sees an API fault as InpostPayApiException with the status', async () => {
    const merchant = await startMerchant(emulator);
    try {
      emulator.faults.api = { mode: 'status', status: 502 };
      await expect(merchant.client.getPaymentMethods()).rejects.toMatchObject({ status: 502, errorCode: 'BAD_GATEWAY' });
      emulator.faults.api = undefined;
      await expect(merchant.client.getPaymentMethods()).resolves.toEqual({ payment_type: ['CARD', 'BLIK_CODE', 'APPLE_PAY', 'GOOGLE_PAY'] });
    } finally {
      await merchant.app.close();
    }
  });
});

describe('InpostPayEmulator: request counts', () => {
  let emulator: InpostPayEmulator;

  beforeAll(async () => {
    emulator = await startedEmulator();
  });
  afterAll(() => emulator.stop());

  it('counts requests per route template, not per concrete id, and resets', async () => {
    const token = await accessToken(emulator);
    await callApi(emulator, 'PUT', '/v2/izi/basket/A/binding', { token });
    await callApi(emulator, 'PUT', '/v2/izi/basket/B/binding', { token });
    await callApi(emulator, 'PUT', '/v2/izi/basket/A', { token, body: JSON.stringify({ summary: { basket_base_price: price(1), currency: 'PLN' } }) });
    await callApi(emulator, 'GET', '/v1/izi/nowhere', { token });
    await callApi(emulator, 'GET', '/v1/izi/payment-methods');

    expect(emulator.requestCount('PUT /v2/izi/basket/{basket_id}/binding')).toBe(2);
    expect(emulator.requestCount('PUT /v2/izi/basket/{basket_id}')).toBe(1);
    expect(emulator.requestCount('PUT /v2/izi/basket/A/binding')).toBe(0);
    expect(emulator.requestCounts()).toEqual({
      'GET /v1/izi/nowhere': 1,
      'GET /v1/izi/payment-methods': 1,
      'POST /token': 1,
      'PUT /v2/izi/basket/{basket_id}': 1,
      'PUT /v2/izi/basket/{basket_id}/binding': 2,
    });

    emulator.resetRequestCounts();
    expect(emulator.requestCounts()).toEqual({});
    expect(emulator.requestCount('POST /token')).toBe(0);
  });

  it('waitForRequests resolves once the route reached the count', async () => {
    let resolved = false;
    const waiting = emulator.waitForRequests('GET /v1/izi/payment-methods', 2).then(() => {
      resolved = true;
    });
    emulator.resetRequestCounts();
    await callApi(emulator, 'GET', '/v1/izi/payment-methods');
    await passCloseCallbacks();
    expect(resolved).toBe(false);

    await callApi(emulator, 'GET', '/v1/izi/payment-methods');
    await waiting;
    expect(resolved).toBe(true);
  });
});

describe('InpostPayEmulator: lifecycle', () => {
  const watched = ['TCPServerWrap', 'TCPSocketWrap', 'Timeout'];
  const resources = () => {
    const active = process.getActiveResourcesInfo();
    return Object.fromEntries(watched.map((kind) => [kind, active.filter((entry) => entry === kind).length]));
  };

  it('start() twice listens once; baseUrl is unavailable before start and after stop', async () => {
    const emulator = new InpostPayEmulator();
    expect(() => emulator.baseUrl).toThrow(/not started/);
    await Promise.all([emulator.start(), emulator.start()]);
    const url = emulator.baseUrl;
    await emulator.start();

    expect(emulator.baseUrl).toBe(url);
    expect(emulator.tokenUrl).toBe(`${url}/auth/realms/external/protocol/openid-connect/token`);
    expect(emulator.moduleOptions()).toEqual({
      clientId: 'emulator-client',
      clientSecret: emulator.clientSecret,
      tokenUrl: emulator.tokenUrl,
      apiBaseUrl: url,
      transactionSecret: emulator.transactionSecret,
    });
    await emulator.stop();
    await emulator.stop();
    expect(() => emulator.baseUrl).toThrow(/not started/);
    await expect(send(`${url}/v1/izi/payment-methods`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('stop() closes open connections and pending delays, leaving no open handle', async () => {
    const emulator = new InpostPayEmulator();
    await passCloseCallbacks();
    const before = resources();
    await emulator.start();
    const token = await accessToken(emulator);
    emulator.faults.api = { mode: 'delay', ms: 60_000 };
    const hanging = callApi(emulator, 'GET', '/v1/izi/payment-methods', { token }).catch((error: unknown) => error);
    await emulator.waitForRequests('GET /v1/izi/payment-methods', 1);
    const during = resources();

    const stopped = performance.now();
    await emulator.stop();
    const outcome = await hanging;
    await passCloseCallbacks();

    expect(during['TCPServerWrap']).toBe(before['TCPServerWrap']! + 1);
    expect(during['Timeout']).toBeGreaterThan(before['Timeout']!);
    expect(performance.now() - stopped).toBeLessThan(5_000);
    expect(outcome).toMatchObject({ message: expect.stringMatching(/socket hang up|ECONNRESET/) });
    // sockets of earlier tests may still be closing when `before` is taken, so a leak shows as "more than before"
    const after = resources();
    for (const kind of watched) expect(after[kind]).toBeLessThanOrEqual(before[kind]!);
  });

  it('stop() rejects pending waits and aborts the app simulator’s calls in flight', async () => {
    const emulator = await startedEmulator();
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const waiting = emulator.waitForRequests('POST /token', 1);
      const call = emulator.app(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`).getBasket('B1');
      await new Promise<void>((resolve) => silent.once('request', () => resolve()));

      await emulator.stop();

      await expect(waiting).rejects.toThrow(/stopped/);
      await expect(call).rejects.toThrow(/stopped/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
