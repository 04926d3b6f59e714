import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { HttpModule, HttpService } from '@nestjs/axios';
import { ScheduleModule } from '@nestjs/schedule';
import axios from 'axios';
import { firstValueFrom } from 'rxjs';
import {
  InpostPayClient,
  InpostPayConfigurationError,
  InpostPayModule,
  type InpostPayModuleOptions,
} from '../lib/index.js';
import { CapturingLogger } from './support/capturing-logger.js';
import { FakeApiServer } from './support/fake-api-server.js';
import { FakeTokenServer } from './support/fake-token-server.js';
import { bootApp } from './support/inpost-pay-test-app.js';

const SECRET = 'do-not-print-7c1e0b';
const valid: InpostPayModuleOptions = { clientId: 'merchant', clientSecret: SECRET };

async function bootFailure(options: unknown, withSchedule = true): Promise<{ error: Error; logs: string }> {
  const logger = new CapturingLogger();
  const modules: DynamicModule[] = [InpostPayModule.forRoot(options as InpostPayModuleOptions)];
  if (withSchedule) modules.unshift(ScheduleModule.forRoot());
  const error = await bootApp(modules, logger).then(
    async (app) => {
      await app.close();
      throw new Error('the app booted');
    },
    (caught: Error) => caught,
  );
  return { error, logs: logger.text };
}

describe('option validation at boot', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['missing clientId', { clientSecret: SECRET }, '"clientId"'],
    ['blank clientId', { clientId: '  ', clientSecret: SECRET }, '"clientId"'],
    ['missing clientSecret', { clientId: 'merchant' }, '"clientSecret"'],
    ['empty clientSecret', { clientId: 'merchant', clientSecret: '' }, '"clientSecret"'],
    ['non-string clientSecret', { clientId: 'merchant', clientSecret: 42 }, '"clientSecret"'],
    ['unknown environment', { ...valid, environment: 'staging' }, '"environment"'],
    ['malformed tokenUrl', { ...valid, tokenUrl: 'not a url' }, '"tokenUrl"'],
    ['tokenUrl with credentials', { ...valid, tokenUrl: 'https://user:pw@login.example/token' }, '"tokenUrl"'],
    ['non-http apiBaseUrl', { ...valid, apiBaseUrl: 'ftp://api.example' }, '"apiBaseUrl"'],
    ['apiBaseUrl with a query', { ...valid, apiBaseUrl: 'https://api.example/?x=1' }, '"apiBaseUrl"'],
    ['negative timeoutMs', { ...valid, timeoutMs: -1 }, '"timeoutMs"'],
    ['zero timeoutMs', { ...valid, timeoutMs: 0 }, '"timeoutMs"'],
    ['NaN timeoutMs', { ...valid, timeoutMs: Number.NaN }, '"timeoutMs"'],
    ['string timeoutMs', { ...valid, timeoutMs: '1000' }, '"timeoutMs"'],
    ['tokenRefresh not an object', { ...valid, tokenRefresh: 5 }, '"tokenRefresh"'],
    ['negative refreshLeadMs', { ...valid, tokenRefresh: { refreshLeadMs: -5 } }, '"tokenRefresh.refreshLeadMs"'],
    ['negative refreshJitterMs', { ...valid, tokenRefresh: { refreshJitterMs: -1 } }, '"tokenRefresh.refreshJitterMs"'],
    ['negative expiryMarginMs', { ...valid, tokenRefresh: { expiryMarginMs: -1 } }, '"tokenRefresh.expiryMarginMs"'],
    ['infinite retryMaxDelayMs', { ...valid, tokenRefresh: { retryMaxDelayMs: Infinity } }, '"tokenRefresh.retryMaxDelayMs"'],
    ['a refresh lead shorter than twice the expiry margin', { ...valid, tokenRefresh: { refreshLeadMs: 1, expiryMarginMs: 10_000 } }, '"tokenRefresh.refreshLeadMs"'],
    ['reversed retry bounds', { ...valid, tokenRefresh: { retryBaseDelayMs: 5000, retryMaxDelayMs: 10 } }, '"tokenRefresh.retryBaseDelayMs"'],
    ['empty transactionSecret', { ...valid, transactionSecret: '' }, '"transactionSecret"'],
    ['an octal allow-list entry', { ...valid, callbacks: { allowedIps: ['010.1.1.1'] } }, '"callbacks.allowedIps" has an invalid entry "010.1.1.1"'],
    ['a /0 trusted proxy', { ...valid, callbacks: { trustedProxies: ['0.0.0.0/0'] } }, '"callbacks.trustedProxies" has an invalid entry "0.0.0.0/0"'],
    ['an extra entry with a port', { ...valid, callbacks: { extraAllowedIps: ['1.2.3.4:80'] } }, '"callbacks.extraAllowedIps" has an invalid entry "1.2.3.4:80"'],
    ['a bad extra entry next to an explicit allow-list', { ...valid, callbacks: { allowedIps: ['1.2.3.4'], extraAllowedIps: ['1.2.3'] } }, '"callbacks.extraAllowedIps" has an invalid entry "1.2.3"'],
    ['a prefix with a leading zero', { ...valid, callbacks: { allowedIps: ['10.0.0.0/08'] } }, '"callbacks.allowedIps" has an invalid entry "10.0.0.0/08"'],
    ['a trusted proxy named like an object property', { ...valid, callbacks: { trustedProxies: ['constructor'] } }, '"callbacks.trustedProxies" has an invalid entry "constructor"'],
    ['a non-array allow-list', { ...valid, callbacks: { allowedIps: '1.2.3.4' } }, '"callbacks.allowedIps"'],
    ['a negative timestamp tolerance', { ...valid, callbacks: { timestampToleranceSeconds: -1 } }, '"callbacks.timestampToleranceSeconds"'],
    ['a replay store without markSeen', { ...valid, callbacks: { replayStore: {} } }, '"callbacks.replayStore"'],
    ['an unknown store type', { ...valid, store: { type: 'memcached' } }, '"store.type"'],
    ['a store that is not an object', { ...valid, store: 'redis' }, '"store"'],
    ['a redis store with neither url nor client', { ...valid, store: { type: 'redis' } }, '"store.url" and "store.client"'],
    ['a redis store with both url and client', { ...valid, store: { type: 'redis', url: 'redis://127.0.0.1', client: { call: async () => null } } }, '"store.url" and "store.client"'],
    ['a non-redis store url', { ...valid, store: { type: 'redis', url: 'http://127.0.0.1:6379' } }, '"store.url"'],
    ['a malformed store url with a password', { ...valid, store: { type: 'redis', url: `redis://:${SECRET}@` } }, '"store.url"'],
    ['a store client without call()', { ...valid, store: { type: 'redis', client: { get: () => null } } }, '"store.client"'],
    ['an empty store keyPrefix', { ...valid, store: { type: 'redis', url: 'redis://127.0.0.1', keyPrefix: '' } }, '"store.keyPrefix"'],
    ['a zero store commandTimeoutMs', { ...valid, store: { type: 'redis', url: 'redis://127.0.0.1', commandTimeoutMs: 0 } }, '"store.commandTimeoutMs"'],
  ])('stops the app on %s, naming the option and not the secret', async (_label, options, named) => {
    const { error, logs } = await bootFailure(options);

    expect(error).toBeInstanceOf(InpostPayConfigurationError);
    expect(error.message).toContain(named);
    expect(error.message).not.toContain(SECRET);
    expect(logs).not.toContain(SECRET);
  });

  it('stops the app when the forRootAsync factory returns no options', async () => {
    const error = await bootApp([
      ScheduleModule.forRoot(),
      InpostPayModule.forRootAsync({ useFactory: () => undefined as unknown as InpostPayModuleOptions }),
    ]).catch((caught: Error) => caught);

    expect(error).toBeInstanceOf(InpostPayConfigurationError);
    expect((error as Error).message).toContain('forRootAsync() factory');
  });

  it('stops the app with the fix when ScheduleModule.forRoot() is missing', async () => {
    const { error } = await bootFailure(valid, false);

    expect(error).toBeInstanceOf(InpostPayConfigurationError);
    expect(error.message).toContain('add ScheduleModule.forRoot()');
  });
});

describe('forRootAsync with @nestjs/config', () => {
  const tokenServer = new FakeTokenServer();
  const apiServer = new FakeApiServer(tokenServer);
  let env: Record<string, string>;

  beforeAll(async () => {
    env = {
      INPOST_PAY_CLIENT_ID: tokenServer.clientId,
      INPOST_PAY_CLIENT_SECRET: tokenServer.clientSecret,
      INPOST_PAY_TOKEN_URL: await tokenServer.start(),
      INPOST_PAY_API_BASE_URL: await apiServer.start(),
    };
  });

  afterAll(() => Promise.all([tokenServer.close(), apiServer.close()]));

  it('builds the options from ConfigService, registers globally and leaves other axios instances alone', async () => {
    @Injectable()
    class CheckoutService {
      constructor(
        readonly inpostPay: InpostPayClient,
        readonly hostHttp: HttpService,
      ) {}
    }
    @Module({ imports: [HttpModule], providers: [CheckoutService] })
    class CheckoutModule {}

    const app = await bootApp([
      ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => env] }),
      ScheduleModule.forRoot(),
      InpostPayModule.forRootAsync({
        isGlobal: true,
        imports: [ConfigModule],
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ({
          clientId: config.getOrThrow('INPOST_PAY_CLIENT_ID'),
          clientSecret: config.getOrThrow('INPOST_PAY_CLIENT_SECRET'),
          tokenUrl: config.getOrThrow('INPOST_PAY_TOKEN_URL'),
          apiBaseUrl: config.getOrThrow('INPOST_PAY_API_BASE_URL'),
        }),
      }),
      { module: CheckoutModule },
    ]);
    try {
      const checkout = app.get(CheckoutService);
      await expect(checkout.inpostPay.getPaymentMethods()).resolves.toEqual({ payment_type: ['CARD', 'BLIK_CODE'] });
      expect(apiServer.requests.at(-1)!.headers.authorization).toMatch(/^Bearer tok-/);

      await firstValueFrom(checkout.hostHttp.get(`${env.INPOST_PAY_API_BASE_URL}/v1/izi/payment-methods`, { validateStatus: () => true }));
      expect(apiServer.requests.at(-1)!.headers.authorization).toBeUndefined();
      await axios.get(`${env.INPOST_PAY_API_BASE_URL}/v1/izi/orders`, { validateStatus: () => true });
      expect(apiServer.requests.at(-1)!.headers.authorization).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('takes the options from a class with createInpostPayOptions(), by useClass and by useExisting', async () => {
    @Injectable()
    class InpostPayConfig {
      constructor(private readonly config: ConfigService) {}

      createInpostPayOptions(): InpostPayModuleOptions {
        return {
          clientId: this.config.getOrThrow('INPOST_PAY_CLIENT_ID'),
          clientSecret: this.config.getOrThrow('INPOST_PAY_CLIENT_SECRET'),
          tokenUrl: this.config.getOrThrow('INPOST_PAY_TOKEN_URL'),
          apiBaseUrl: this.config.getOrThrow('INPOST_PAY_API_BASE_URL'),
        };
      }
    }
    @Module({ imports: [ConfigModule], providers: [InpostPayConfig], exports: [InpostPayConfig] })
    class InpostPayConfigModule {}

    const registrations = [
      InpostPayModule.forRootAsync({ imports: [ConfigModule], useClass: InpostPayConfig }),
      InpostPayModule.forRootAsync({ imports: [InpostPayConfigModule], useExisting: InpostPayConfig }),
    ];
    for (const registration of registrations) {
      const app = await bootApp([ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => env] }), ScheduleModule.forRoot(), registration]);
      try {
        await expect(app.get(InpostPayClient).getPaymentMethods()).resolves.toEqual({ payment_type: ['CARD', 'BLIK_CODE'] });
      } finally {
        await app.close();
      }
    }
    expect(tokenServer.requests.length).toBeGreaterThanOrEqual(2);
  });
});
