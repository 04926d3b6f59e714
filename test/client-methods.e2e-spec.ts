import {
  InpostPayApiException,
  InpostPayClient,
  InpostPayConfigurationError,
  InpostPayNetworkException,
  InpostPayTimeoutException,
  type Basket,
  type HotProduct,
  type OrderEventRequest,
} from '../lib/index.js';
import type { SeenRequest } from './support/http-server.js';
import { startTestBed, type InpostPayTestBed } from './support/inpost-pay-test-app.js';

const basket: Basket = {
  summary: { basket_base_price: { net: '100.00', gross: '123.00', vat: '23.00' }, currency: 'PLN' },
};
const product: HotProduct = {
  product_id: 'P-1',
  product_name: 'Mug',
  price: { net: '10.00', gross: '12.30', vat: '2.30' },
  currency: 'PLN',
  quantity: { quantity_type: 'INTEGER', available_quantity: 5 },
};
const orderEvent: OrderEventRequest = {
  event_id: 'E-1',
  event_data_time: '2026-12-03T10:00:00.000Z',
  event_data: { order_status: 'ORDER_COMPLETED' },
};

describe('InpostPayClient against a real local API', () => {
  let bed: InpostPayTestBed;

  beforeAll(async () => {
    bed = await startTestBed({ transactionSecret: 'tx-secret', timeoutMs: 400 });
  });

  afterAll(() => bed.close());

  afterEach(() => {
    bed.apiServer.script = undefined;
  });

  async function lastRequestOf(call: (client: InpostPayClient) => Promise<unknown>): Promise<SeenRequest> {
    await call(bed.client);
    return bed.apiServer.requests.at(-1)!;
  }

  it.each<[string, (client: InpostPayClient) => Promise<unknown>, string, string, string]>([
    ['bindBasket', (c) => c.bindBasket('B 1/2'), 'PUT', '/v2/izi/basket/B%201%2F2/binding', ''],
    ['updateBasket', (c) => c.updateBasket('B1', basket), 'PUT', '/v2/izi/basket/B1', ''],
    ['updateBasketV1', (c) => c.updateBasketV1('B1', basket, { browserId: 'br-1' }), 'PUT', '/v1/izi/basket/B1', ''],
    ['bindBasketV1', (c) => c.bindBasketV1('B1', { binding_method: 'DEEP_LINK', binding_place: 'BASKET_SUMMARY' }), 'POST', '/v1/izi/basket/B1/binding', ''],
    ['getBasketBinding', (c) => c.getBasketBinding('B1', { browserId: 'br-1' }), 'GET', '/v1/izi/basket/B1/binding', 'browser_id=br-1'],
    ['deleteBasketBinding', (c) => c.deleteBasketBinding('B1', { ifBasketRealized: true }), 'DELETE', '/v1/izi/basket/B1/binding', 'if_basket_realized=true'],
    ['listBaskets', (c) => c.listBaskets({ page_index: 1, page_size: 20 }), 'GET', '/v1/izi/baskets', 'page_index=1&page_size=20'],
    ['deleteBrowserBinding', (c) => c.deleteBrowserBinding('br-1'), 'DELETE', '/v1/izi/browser/br-1/binding', ''],
    ['sendOrderEvent', (c) => c.sendOrderEvent('O-1', orderEvent), 'POST', '/v1/izi/order/O-1/event', ''],
    ['listOrders', (c) => c.listOrders({ order_id: 'O-1' }), 'GET', '/v1/izi/orders', 'order_id=O-1'],
    ['getPaymentMethods', (c) => c.getPaymentMethods(), 'GET', '/v1/izi/payment-methods', ''],
    ['getSigningKeys', (c) => c.getSigningKeys(), 'GET', '/v1/izi/signing-keys/public', ''],
    ['getSigningKey', (c) => c.getSigningKey('v2'), 'GET', '/v1/izi/signing-keys/public/v2', ''],
    ['createProducts', (c) => c.createProducts([product]), 'POST', '/v1/izi/products', ''],
    ['listProducts', (c) => c.listProducts({ page_size: 5 }), 'GET', '/v1/izi/products', 'page_size=5'],
    ['updateProduct', (c) => c.updateProduct('P-1', product), 'PUT', '/v1/izi/product/P-1', ''],
    ['deleteProduct', (c) => c.deleteProduct('P-1'), 'DELETE', '/v1/izi/product/P-1', ''],
    ['listTransactions', (c) => c.listTransactions({ page: 2, status: ['AUTHORIZED'] }), 'GET', '/v1/izi/transaction', 'page=2&status%5B%5D=AUTHORIZED'],
  ])('%s sends the right method, path and query', async (_name, call, method, path, query) => {
    const seen = await lastRequestOf(call);

    expect(seen.method).toBe(method);
    expect(seen.path).toBe(path);
    expect(seen.query.toString()).toBe(query);
    expect(seen.headers.authorization).toMatch(/^Bearer tok-/);
    expect(seen.headers.accept).toContain('application/json');
  });

  it('sends the bodies as JSON', async () => {
    expect(JSON.parse((await lastRequestOf((c) => c.updateBasketV1('B1', basket, { browserId: 'br-1' }))).body)).toEqual({
      ...basket,
      browser_id: 'br-1',
    });
    expect(JSON.parse((await lastRequestOf((c) => c.createProducts([product]))).body)).toEqual({ content: [product] });
    const eventRequest = await lastRequestOf((c) => c.sendOrderEvent('O-1', orderEvent));
    expect(eventRequest.headers['content-type']).toContain('application/json');
    expect(JSON.parse(eventRequest.body)).toEqual(orderEvent);
  });

  it('accepts 201 for an order event and resolves a 404 on basket unbinding', async () => {
    bed.apiServer.script = (request) =>
      request.method === 'POST' ? { status: 201, body: {} } : { status: 404, body: { error_code: 'BASKET_NOT_FOUND', error_message: 'gone' } };

    await expect(bed.client.sendOrderEvent('O-1', orderEvent)).resolves.toBeUndefined();
    await expect(bed.client.deleteBasketBinding('B1')).resolves.toBeUndefined();
  });

  it('rejects a 404 without InPost\'s not-found code on basket unbinding (a wrong base URL is not "already gone")', async () => {
    bed.apiServer.script = () => ({ status: 404, body: '<html>Not Found</html>' });

    await expect(bed.client.deleteBasketBinding('B1')).rejects.toMatchObject({ name: 'InpostPayApiException', status: 404 });
  });

  it('turns a non-2xx answer into InpostPayApiException with InPost error fields and no Authorization', async () => {
    bed.apiServer.script = () => ({ status: 409, body: { error_code: 'STATUS_ORDER_ERROR', error_message: 'Order already completed' } });

    const error = await bed.client.sendOrderEvent('O-9', orderEvent).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InpostPayApiException);
    expect(error).toMatchObject({
      status: 409,
      errorCode: 'STATUS_ORDER_ERROR',
      errorMessage: 'Order already completed',
      method: 'POST',
      path: '/v1/izi/order/O-9/event',
    });
    expect(JSON.stringify(error)).not.toMatch(/Bearer|tok-/);
  });

  it('keeps a non-JSON error body out of the error fields', async () => {
    bed.apiServer.script = () => ({ status: 502, body: 'Bad gateway' });

    await expect(bed.client.listOrders()).rejects.toMatchObject({ status: 502, errorCode: undefined });
  });

  it('tells a timeout from an HTTP error', async () => {
    bed.apiServer.script = () => 'hang';

    const error = await bed.client.getSigningKeys().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InpostPayTimeoutException);
    expect(error).toMatchObject({ timeoutMs: 400, method: 'GET', path: '/v1/izi/signing-keys/public' });
  });

  it('refuses empty and dot-segment path parameters', async () => {
    await expect(bed.client.bindBasket('')).rejects.toThrow(TypeError);
    await expect(bed.client.getSigningKey('..')).rejects.toThrow('"version"');
  });

  it('signs a refund with SHA-512 of command id, transaction id, sorted body values and the secret', async () => {
    bed.apiServer.script = () => ({ status: 200, body: { external_refund_id: 'R-1', refund_amount: '10.50', status: 'PENDING' } });

    const result = await bed.client.refundTransaction(
      'txn-42',
      { refund_amount: '10.50', external_refund_id: 'R-1', additional_business_data: { additional_data: 'note' } },
      { commandId: 'cmd-123' },
    );

    const seen = bed.apiServer.requests.at(-1)!;
    expect(result.status).toBe('PENDING');
    expect(seen.path).toBe('/v1/izi/transaction/txn-42/refund');
    expect(seen.headers['x-command-id']).toBe('cmd-123');
    // sha512("cmd-123" + "txn-42" + "note" + "R-1" + "10.50" + "tx-secret"), worked out outside the module
    expect(JSON.parse(seen.body).signature).toBe(
      'a9252cf8a644f404e02180d8257fd863c6e144f394f14dac82bc41a8ddb028ec4f00f9414fc3b8496f92b53e7559979100cd23c11e54d608af8c04773895219d',
    );
  });

  it('generates a UUID command id when none is given', async () => {
    await bed.client.refundTransaction('txn-1', {});

    expect(bed.apiServer.requests.at(-1)!.headers['x-command-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('InpostPayClient edge cases', () => {
  let bed: InpostPayTestBed | undefined;

  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  it('refuses a refund without the transactionSecret option', async () => {
    bed = await startTestBed();

    await expect(bed.client.refundTransaction('txn-1', {})).rejects.toThrow(InpostPayConfigurationError);
    expect(bed.apiServer.requests).toHaveLength(0);
  });

  it('tells a network failure from an HTTP error', async () => {
    bed = await startTestBed({ apiBaseUrl: 'http://127.0.0.1:9' });

    const error = await bed.client.getPaymentMethods().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InpostPayNetworkException);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
  });
});
