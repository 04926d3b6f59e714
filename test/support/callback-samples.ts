/* Valid bodies of every callback route, shared by the DTO unit tests and the e2e tests. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Plain = any;

const phone = () => ({ country_prefix: '+48', phone: '600000000' });
const price = () => ({ net: '100.00', gross: '123.00', vat: 23 });

export const samples: Record<string, () => Plain> = {
  confirmation: () => ({
    status: 'SUCCESS',
    inpost_basket_id: 'ib-1',
    phone_number: phone(),
    browser: { browser_trusted: true, browser_id: 'br-1' },
    masked_phone_number: '600***000',
    name: 'Jan',
    surname: 'Kowalski',
  }),
  basketEvent: () => ({
    event_id: 'ev-1',
    event_data_time: '2023-09-20T13:27:25.760Z',
    event_type: 'PRODUCTS_QUANTITY',
    phone_number: phone(),
    quantity_event_data: [{ product_id: 'p-1', quantity: { quantity: 0, quantity_type: 'INTEGER' } }],
    promo_codes_event_data: [{ promo_code_value: 'SALE10', regulation_type: 'OMNIBUS' }],
    related_products_event_data: [{ product_id: 'p-2', quantity: { quantity: 1 }, ean: '5901234123457' }],
  }),
  createOrder: () => ({
    order_details: {
      basket_id: 'b-1',
      currency: 'PLN',
      basket_price: price(),
      payment_type: 'BLIK_CODE',
      basket_additional_parameters: [{ key: 'k', value: 'v' }],
    },
    account_info: {
      name: 'Jan',
      surname: 'Kowalski',
      phone_number: phone(),
      mail: 'jan@example.com',
      client_address: { country_code: 'PL', address: 'Prosta 1', city: 'Warszawa', postal_code: '00-001' },
    },
    invoice_details: {
      legal_form: 'COMPANY',
      country_code: 'PL',
      tax_id: '1234567890',
      company_name: 'ACME',
      city: 'Warszawa',
      street: 'Prosta',
      building: '1',
      postal_code: '00-001',
      registration_data_edited: true,
    },
    delivery: {
      delivery_type: 'APM',
      delivery_codes: ['PWW'],
      mail: 'jan@example.com',
      phone_number: phone(),
      delivery_point: 'WAW01M',
      delivery_options: [{ delivery_name: 'Weekend', delivery_code_value: 'PWW', delivery_option_price: price() }],
    },
    consents: [{ consent_id: 'c-1', consent_version: '1', is_accepted: true }],
  }),
  orderEvent: () => ({
    event_id: 'ev-2',
    event_data_time: '2023-09-20T13:27:25.760Z',
    event_data: { payment_status: 'AUTHORIZED', order_status: 'ORDER_PROCESSING', payment_id: 'pay-1', payment_type: 'CARD' },
  }),
  addProduct: () => ({ basket_id: 'b-1', phone_number: phone() }),
  webhook: () => ({
    eventType: 'PAYMENT_AUTHORIZED',
    eventData: {
      operationId: 'op-1',
      merchantId: 'm-1',
      orderReference: 'o-1',
      refundReference: null,
      status: 'AUTHORIZED',
      amount: { valueInCents: 12300, currency: 'PLN' },
      payment: { id: 'pay-1', method: 'BLIK', reference: 'ref-1' },
      eventDateTime: '2023-09-20T13:27:25.760Z',
      createdDate: '2023-09-20T13:27:20.000Z',
    },
  }),
};

