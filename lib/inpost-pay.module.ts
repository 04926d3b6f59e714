import { Module } from '@nestjs/common';
import { InpostPayTokenService } from './auth/inpost-pay-token.service.js';
import { SharedTokenSource } from './auth/shared-token-source.js';
import { InpostPayTokenEndpoint } from './auth/token-endpoint.client.js';
import { INPOST_PAY_CALLBACK_POLICY, INPOST_PAY_RESOLVED_OPTIONS, INPOST_PAY_STORE_HOST } from './inpost-pay.constants.js';
import type { ResolvedInpostPayOptions } from './inpost-pay.options-resolver.js';
import { withDefaultReplayStore } from './callbacks/callback-options.resolver.js';
import { StoreReplayStore } from './callbacks/replay-store.js';
import { InpostPaySigningKeyCache } from './callbacks/signing-key-cache.js';
import { InpostPayEvents } from './events/inpost-pay-events.js';
import { InpostPayHealthIndicator } from './health/inpost-pay.health-indicator.js';
import { InMemoryStore } from './store/in-memory-store.js';
import { InpostPayStoreHost } from './store/inpost-pay-store.host.js';
import { INPOST_PAY_MODULE_OPTIONS, InpostPayConfigurableModule } from './inpost-pay.module-definition.js';
import { resolveInpostPayOptions } from './inpost-pay.options-resolver.js';
import { InpostPayClient } from './http/inpost-pay.client.js';
import { InpostPayHttpAgents } from './http/inpost-pay-http-agents.js';
import { inpostPayHttpProvider } from './http/inpost-pay-http.provider.js';

/**
 * InPost Pay for Nest: `InpostPayModule.forRoot(options)` or
 * `InpostPayModule.forRootAsync({ imports, inject, useFactory })`. Needs the host's
 * `ScheduleModule.forRoot()`. Provides `InpostPayClient`, `InpostPayTokenService`,
 * `InpostPayEvents` and `InpostPayHealthIndicator`, and what
 * the `@InpostPayCallback()` / `@InpostPayWebhook()` guards need (register with `isGlobal: true`
 * when callback controllers live in feature modules).
 */
@Module({
  providers: [
    {
      provide: INPOST_PAY_RESOLVED_OPTIONS,
      inject: [INPOST_PAY_MODULE_OPTIONS],
      useFactory: resolveInpostPayOptions,
    },
    {
      provide: INPOST_PAY_STORE_HOST,
      inject: [INPOST_PAY_RESOLVED_OPTIONS],
      useFactory: (options: ResolvedInpostPayOptions) => InpostPayStoreHost.create(options),
    },
    InpostPayEvents,
    InpostPayHttpAgents,
    InpostPayTokenEndpoint,
    SharedTokenSource,
    InpostPayTokenService,
    inpostPayHttpProvider,
    InpostPayClient,
    {
      provide: INPOST_PAY_CALLBACK_POLICY,
      inject: [INPOST_PAY_RESOLVED_OPTIONS, INPOST_PAY_STORE_HOST],
      useFactory: (options: ResolvedInpostPayOptions, host: InpostPayStoreHost) =>
        withDefaultReplayStore(
          options.callbacks,
          () => new StoreReplayStore(host.store, host.keys.replay, host.isShared ? new InMemoryStore() : undefined),
        ),
    },
    InpostPaySigningKeyCache,
    InpostPayHealthIndicator,
  ],
  exports: [
    InpostPayClient,
    InpostPayTokenService,
    InpostPayEvents,
    InpostPayHealthIndicator,
    INPOST_PAY_CALLBACK_POLICY,
    InpostPaySigningKeyCache,
  ],
})
export class InpostPayModule extends InpostPayConfigurableModule {}
