import { Module } from '@nestjs/common';
import { InpostPayTokenService } from './auth/inpost-pay-token.service.js';
import { InpostPayTokenEndpoint } from './auth/token-endpoint.client.js';
import { INPOST_PAY_CALLBACK_POLICY, INPOST_PAY_RESOLVED_OPTIONS } from './inpost-pay.constants.js';
import type { ResolvedInpostPayOptions } from './inpost-pay.options-resolver.js';
import { InpostPaySigningKeyCache } from './callbacks/signing-key-cache.js';
import { INPOST_PAY_MODULE_OPTIONS, InpostPayConfigurableModule } from './inpost-pay.module-definition.js';
import { resolveInpostPayOptions } from './inpost-pay.options-resolver.js';
import { InpostPayClient } from './http/inpost-pay.client.js';
import { InpostPayHttpAgents } from './http/inpost-pay-http-agents.js';
import { inpostPayHttpProvider } from './http/inpost-pay-http.provider.js';

/**
 * InPost Pay for Nest: `InpostPayModule.forRoot(options)` or
 * `InpostPayModule.forRootAsync({ imports, inject, useFactory })`. Needs the host's
 * `ScheduleModule.forRoot()`. Provides `InpostPayClient` and `InpostPayTokenService`, and what
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
    InpostPayHttpAgents,
    InpostPayTokenEndpoint,
    InpostPayTokenService,
    inpostPayHttpProvider,
    InpostPayClient,
    {
      provide: INPOST_PAY_CALLBACK_POLICY,
      inject: [INPOST_PAY_RESOLVED_OPTIONS],
      useFactory: (options: ResolvedInpostPayOptions) => options.callbacks,
    },
    InpostPaySigningKeyCache,
  ],
  exports: [InpostPayClient, InpostPayTokenService, INPOST_PAY_CALLBACK_POLICY, InpostPaySigningKeyCache],
})
export class InpostPayModule extends InpostPayConfigurableModule {}
