import { Logger } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import type { InpostPayEnvironment, InpostPayModuleOptions, InpostPayStoreOptions } from '../lib/index.js';
import type { EmbeddedEmulator } from './embedded-emulator.js';

/**
 * The module options from the environment: InPost's sandbox or production with credentials, or
 * the embedded emulator without them (or with `INPOST_PAY_USE_EMULATOR=true`).
 */
export async function inpostPayOptionsFactory(config: ConfigService, embedded: EmbeddedEmulator): Promise<InpostPayModuleOptions> {
  const redisUrl = config.get<string>('REDIS_URL');
  const store: InpostPayStoreOptions | undefined = redisUrl ? { type: 'redis', url: redisUrl } : undefined;
  const clientId = config.get<string>('INPOST_PAY_CLIENT_ID');
  const clientSecret = config.get<string>('INPOST_PAY_CLIENT_SECRET');
  const forceEmulator = config.get<string>('INPOST_PAY_USE_EMULATOR') === 'true';
  if (clientId && clientSecret && !forceEmulator) {
    return {
      clientId,
      clientSecret,
      environment: config.get<InpostPayEnvironment>('INPOST_PAY_ENVIRONMENT', 'sandbox'),
      tokenUrl: config.get<string>('INPOST_PAY_TOKEN_URL') || undefined,
      apiBaseUrl: config.get<string>('INPOST_PAY_API_BASE_URL') || undefined,
      transactionSecret: config.get<string>('INPOST_PAY_TRANSACTION_SECRET') || undefined,
      callbacks: { trustedProxies: (config.get<string>('INPOST_PAY_TRUSTED_PROXIES') ?? '').split(',').filter(Boolean) },
      store,
    };
  }
  const emulator = await embedded.start();
  new Logger('SampleApp').warn(
    `No InPost credentials (INPOST_PAY_CLIENT_ID, INPOST_PAY_CLIENT_SECRET): using the embedded InPost Pay emulator at ${emulator.baseUrl}`,
  );
  return { ...emulator.moduleOptions(), callbacks: { allowedIps: ['127.0.0.1', '::1'] }, store };
}
