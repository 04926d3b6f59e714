import type {
  AccountInfo,
  Basket,
  BasketConfirmationRequest,
  ConsentAnswer,
  CreateOrderRequest,
  InvoiceDetails,
  OrderDelivery,
  PhoneNumber,
} from '../index.js';

/** Changes to the order creation the app simulator builds; each section is merged one level deep. */
export interface CreateOrderOverrides {
  order_details?: Partial<CreateOrderRequest['order_details']>;
  account_info?: Partial<AccountInfo>;
  delivery?: Partial<OrderDelivery>;
  invoice_details?: InvoiceDetails;
  consents?: ConsentAnswer[];
}

/** The customer the app simulator plays. */
export const DEFAULT_CUSTOMER = {
  phone_number: { country_prefix: '+48', phone: '600000000' },
  name: 'Jan',
  surname: 'Kowalski',
  mail: 'jan.kowalski@example.com',
  client_address: { country_code: 'PL', address: 'ul. Prosta 1', city: 'Warszawa', postal_code: '00-001' },
  /** A parcel locker. */
  delivery_point: 'WAW01M',
} as const;

/** A phone masked as the app shows it: `600***000`. */
export function maskPhone(phone: PhoneNumber): string {
  const digits = phone.phone;
  return digits.length > 6 ? `${digits.slice(0, 3)}***${digits.slice(-3)}` : '***';
}

/** A successful binding confirmation for the default customer, with `customer` fields on top. */
export function confirmationBody(inpostBasketId: string, customer: Partial<BasketConfirmationRequest> = {}): BasketConfirmationRequest {
  const phone = customer.phone_number ?? { ...DEFAULT_CUSTOMER.phone_number };
  return {
    status: 'SUCCESS',
    inpost_basket_id: inpostBasketId,
    phone_number: phone,
    browser: { browser_trusted: false },
    masked_phone_number: maskPhone(phone),
    name: DEFAULT_CUSTOMER.name,
    surname: DEFAULT_CUSTOMER.surname,
    ...customer,
  };
}

/** The phone of a customer who confirmed a binding, else the default one. */
export function customerPhone(phone: PhoneNumber | undefined): PhoneNumber {
  return phone ?? { ...DEFAULT_CUSTOMER.phone_number };
}

/**
 * A complete order creation from the basket's summary: its currency, `basket_final_price` (else
 * `basket_base_price`), BLIK code payment, parcel-locker (APM) delivery, every basket consent accepted.
 */
export function createOrderBody(basketId: string, basket: Basket | undefined, phone: PhoneNumber, overrides: CreateOrderOverrides = {}): CreateOrderRequest {
  const summary = basket?.summary;
  const currency = overrides.order_details?.currency ?? summary?.currency;
  const price = overrides.order_details?.basket_price ?? summary?.basket_final_price ?? summary?.basket_base_price;
  if (currency === undefined || price === undefined) {
    throw new Error(
      `InpostPayAppSimulator.createOrder: no basket is known for "${basketId}" (the merchant has not sent it and the simulator has ` +
        'not read it): call getBasket() first, or pass overrides.order_details.currency and basket_price',
    );
  }
  const account: AccountInfo = {
    name: DEFAULT_CUSTOMER.name,
    surname: DEFAULT_CUSTOMER.surname,
    phone_number: phone,
    mail: DEFAULT_CUSTOMER.mail,
    client_address: { ...DEFAULT_CUSTOMER.client_address },
    ...overrides.account_info,
  };
  const body: CreateOrderRequest = {
    order_details: { basket_id: basketId, currency, basket_price: price, payment_type: 'BLIK_CODE', ...overrides.order_details },
    account_info: account,
    delivery: {
      delivery_type: 'APM',
      delivery_codes: [],
      mail: account.mail,
      phone_number: account.phone_number,
      delivery_point: DEFAULT_CUSTOMER.delivery_point,
      ...overrides.delivery,
    },
    consents:
      overrides.consents ??
      (basket?.consents ?? []).map((consent) => ({ consent_id: consent.consent_id, consent_version: consent.consent_version, is_accepted: true })),
  };
  if (overrides.invoice_details) body.invoice_details = overrides.invoice_details;
  return body;
}
