import { randomBytes } from 'node:crypto';
import type { PaymentType } from '../index.js';

/** Options of `new InpostPayEmulator()`. Every field has a default suited to tests. */
export interface InpostPayEmulatorOptions {
  /** Port to listen on. Default 0: a free port picked by the system (read it from `baseUrl`). */
  port?: number;
  /** Address to listen on. Default `'127.0.0.1'`. */
  host?: string;
  /** OAuth2 client id the token endpoint accepts. Default `'emulator-client'`. */
  clientId?: string;
  /** OAuth2 client secret the token endpoint accepts. Default: random. */
  clientSecret?: string;
  /** `expires_in` of issued tokens, in seconds; a token is refused once it is that old. Default 300, as InPost. */
  tokenLifetimeSeconds?: number;
  /** `merchant_external_id` of the signing keys; part of every callback signature. Default `'emulator-merchant'`. */
  merchantExternalId?: string;
  /** Version of the emulator's signing key (`x-public-key-ver`). Default `'emulator-v1'`. */
  keyVersion?: string;
  /**
   * The merchant's transaction API secret: refunds must be signed with it (reference 5.4), else
   * they are answered 400 `BAD_REQUEST`. Default: random.
   */
  transactionSecret?: string;
  /** Answer of `GET /v1/izi/payment-methods`. Default `['CARD', 'BLIK_CODE', 'APPLE_PAY', 'GOOGLE_PAY']`. */
  paymentMethods?: PaymentType[];
  /**
   * The emulator's clock in epoch ms: token issue and expiry, the timestamps it writes, and the
   * app simulator's `x-signature-timestamp` (the merchant checks that one against its own clock).
   * Default `Date.now`. Pass a controllable function to expire tokens without waiting.
   */
  now?: () => number;
}

/** The options with every default applied. */
export interface ResolvedEmulatorOptions {
  readonly port: number;
  readonly host: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenLifetimeSeconds: number;
  readonly merchantExternalId: string;
  readonly keyVersion: string;
  readonly transactionSecret: string;
  readonly paymentMethods: readonly PaymentType[];
  readonly now: () => number;
}

const DEFAULT_PAYMENT_METHODS: readonly PaymentType[] = ['CARD', 'BLIK_CODE', 'APPLE_PAY', 'GOOGLE_PAY'];

function nonEmpty(name: string, value: string | undefined, fallback: () => string): string {
  if (value === undefined) return fallback();
  if (typeof value !== 'string' || value === '') throw new TypeError(`InpostPayEmulator: "${name}" must be a non-empty string`);
  return value;
}

/** Applies the defaults and checks the given values. */
export function resolveEmulatorOptions(options: InpostPayEmulatorOptions = {}): ResolvedEmulatorOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new TypeError('InpostPayEmulator: "port" must be an integer from 0 to 65535');
  const lifetime = options.tokenLifetimeSeconds ?? 300;
  if (!Number.isFinite(lifetime) || lifetime <= 0) throw new TypeError('InpostPayEmulator: "tokenLifetimeSeconds" must be a positive number');
  return {
    port,
    host: nonEmpty('host', options.host, () => '127.0.0.1'),
    clientId: nonEmpty('clientId', options.clientId, () => 'emulator-client'),
    clientSecret: nonEmpty('clientSecret', options.clientSecret, () => `emulator-secret-${randomBytes(16).toString('hex')}`),
    tokenLifetimeSeconds: lifetime,
    merchantExternalId: nonEmpty('merchantExternalId', options.merchantExternalId, () => 'emulator-merchant'),
    keyVersion: nonEmpty('keyVersion', options.keyVersion, () => 'emulator-v1'),
    transactionSecret: nonEmpty('transactionSecret', options.transactionSecret, () => `emulator-tx-${randomBytes(16).toString('hex')}`),
    paymentMethods: [...(options.paymentMethods ?? DEFAULT_PAYMENT_METHODS)],
    now: options.now ?? Date.now,
  };
}
