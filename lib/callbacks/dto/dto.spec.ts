import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import {
  AddProductDto,
  BasketConfirmationDto,
  BasketEventDto,
  CreateOrderDto,
  isMoney,
  OrderEventCallbackDto,
  TransactionWebhookDto,
} from './index.js';
import { samples } from '../../../test/support/callback-samples.js';

type Plain = any;

function paths(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    return [...(error.constraints ? [path] : []), ...paths(error.children ?? [], path)];
  });
}

async function errorPaths(dto: ClassConstructor<object>, plain: Plain): Promise<string[]> {
  return paths(await validate(plainToInstance(dto, plain)));
}

interface DtoCase {
  dto: ClassConstructor<object>;
  sample: () => Plain;
  invalid: [path: string, mutate: (body: Plain) => void][];
}

const cases: DtoCase[] = [
  {
    dto: BasketConfirmationDto,
    sample: samples.confirmation,
    invalid: [
      ['status', (b) => (b.status = 'MAYBE')],
      ['phone_number.phone', (b) => (b.phone_number.phone = 600000000)],
      ['browser.browser_trusted', (b) => (b.browser.browser_trusted = 'yes')],
      ['browser', (b) => delete b.browser],
      ['inpost_basket_id', (b) => (b.inpost_basket_id = '')],
    ],
  },
  {
    dto: BasketEventDto,
    sample: samples.basketEvent,
    invalid: [
      ['event_type', (b) => (b.event_type = 'SOMETHING')],
      ['event_data_time', (b) => (b.event_data_time = 'yesterday')],
      ['quantity_event_data.0.quantity.quantity', (b) => (b.quantity_event_data[0].quantity.quantity = '2')],
      ['quantity_event_data.0.quantity.quantity', (b) => (b.quantity_event_data[0].quantity.quantity = -1)],
      ['promo_codes_event_data.0.promo_code_value', (b) => delete b.promo_codes_event_data[0].promo_code_value],
      ['related_products_event_data', (b) => (b.related_products_event_data = { product_id: 'p-2' })],
      ['event_id', (b) => delete b.event_id],
    ],
  },
  {
    dto: CreateOrderDto,
    sample: samples.createOrder,
    invalid: [
      ['order_details.basket_price.net', (b) => (b.order_details.basket_price.net = '12,50')],
      ['order_details.basket_price.gross', (b) => (b.order_details.basket_price.gross = true)],
      ['order_details.payment_type', (b) => (b.order_details.payment_type = 'BITCOIN')],
      ['account_info.client_address.city', (b) => delete b.account_info.client_address.city],
      ['account_info.phone_number', (b) => (b.account_info.phone_number = '+48600000000')],
      ['invoice_details.legal_form', (b) => (b.invoice_details.legal_form = 'NGO')],
      ['delivery.delivery_type', (b) => (b.delivery.delivery_type = 'DRONE')],
      ['delivery.delivery_codes', (b) => (b.delivery.delivery_codes = ['XYZ'])],
      ['delivery.delivery_options.0.delivery_option_price.vat', (b) => (b.delivery.delivery_options[0].delivery_option_price.vat = 'n/a')],
      ['consents.0.is_accepted', (b) => (b.consents[0].is_accepted = 'true')],
      ['delivery', (b) => delete b.delivery],
    ],
  },
  {
    dto: OrderEventCallbackDto,
    sample: samples.orderEvent,
    invalid: [
      ['event_data.payment_status', (b) => (b.event_data.payment_status = 'PAID')],
      ['event_data.order_status', (b) => (b.event_data.order_status = 'DONE')],
      ['event_data', (b) => delete b.event_data],
      ['phone_number.country_prefix', (b) => (b.phone_number = { phone: '600000000' })],
    ],
  },
  {
    dto: AddProductDto,
    sample: samples.addProduct,
    invalid: [
      ['basket_id', (b) => (b.basket_id = 42)],
      ['phone_number.phone', (b) => (b.phone_number.phone = '')],
      ['phone_number', (b) => (b.phone_number = 'none')],
    ],
  },
  {
    dto: TransactionWebhookDto,
    sample: samples.webhook,
    invalid: [
      ['eventType', (b) => (b.eventType = 'CHARGEBACK')],
      ['eventData.amount.valueInCents', (b) => (b.eventData.amount.valueInCents = 123.5)],
      ['eventData.amount.currency', (b) => delete b.eventData.amount.currency],
      ['eventData.eventDateTime', (b) => (b.eventData.eventDateTime = 'now')],
      ['eventData.payment.id', (b) => (b.eventData.payment.id = { id: 1 })],
      ['eventData', (b) => delete b.eventData],
    ],
  },
];

describe.each(cases)('$dto.name', ({ dto, sample, invalid }) => {
  it('accepts a valid body', async () => {
    expect(await errorPaths(dto, sample())).toEqual([]);
  });

  it('tolerates unknown extra fields', async () => {
    expect(await errorPaths(dto, { ...sample(), added_by_inpost_later: { any: 'thing' } })).toEqual([]);
  });

  it.each(invalid)('rejects a bad %s', async (path, mutate) => {
    const body = sample();
    mutate(body);
    expect(await errorPaths(dto, body)).toContain(path);
  });
});

describe('optional fields', () => {
  it('accept a minimal order event, add-product and webhook body', async () => {
    expect(await errorPaths(OrderEventCallbackDto, { event_id: 'e', event_data_time: '2024-01-01T00:00:00Z', event_data: {} })).toEqual([]);
    expect(await errorPaths(AddProductDto, {})).toEqual([]);
    expect(await errorPaths(TransactionWebhookDto, { eventType: 'SETTLEMENT', eventData: { amount: { value: '1.50', currency: 'PLN' }, payment: null } })).toEqual([]);
  });

  it('accept a basket event carrying only its type', async () => {
    expect(await errorPaths(BasketEventDto, { event_id: 'e', event_data_time: '2024-01-01T00:00:00.000Z', event_type: 'PROMO_CODES' })).toEqual([]);
  });

  it('accept a create-order body without invoice and consents', async () => {
    const body = samples.createOrder();
    delete body.invoice_details;
    delete body.consents;
    body.delivery = { delivery_type: 'DIGITAL', digital_delivery_email: 'jan@example.com' };
    expect(await errorPaths(CreateOrderDto, body)).toEqual([]);
  });
});

describe('isMoney', () => {
  it.each([0, 12.5, '250.00', '7', '-1.25'])('accepts %p', (value) => expect(isMoney(value)).toBe(true));
  it.each(['', '1,50', '1.', '.5', '1e3', 'abc', Number.NaN, Number.POSITIVE_INFINITY, null, true, {}])('refuses %p', (value) =>
    expect(isMoney(value)).toBe(false),
  );
});
