import { Module } from '@nestjs/common';
import { InpostPayTokenService } from './auth/inpost-pay-token.service.js';
import { InpostPayTokenEndpoint } from './auth/token-endpoint.client.js';
import { INPOST_PAY_RESOLVED_OPTIONS } from './inpost-pay.constants.js';
import { INPOST_PAY_MODULE_OPTIONS, InpostPayConfigurableModule } from './inpost-pay.module-definition.js';
import { resolveInpostPayOptions } from './inpost-pay.options-resolver.js';
import { InpostPayClient } from './http/inpost-pay.client.js';
import { InpostPayHttpAgents } from './http/inpost-pay-http-agents.js';
import { inpostPayHttpProvider } from './http/inpost-pay-http.provider.js';

/**
 * InPost Pay for Nest: `InpostPayModule.forRoot(options)` or
 * `InpostPayModule.forRootAsync({ imports, inject, useFactory })`. Needs the host's
 * `ScheduleModule.forRoot()`. Provides `InpostPayClient` and `InpostPayTokenService`.
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
  ],
  exports: [InpostPayClient, InpostPayTokenService],
})
export class InpostPayModule extends InpostPayConfigurableModule {}
