import { HttpService } from '@nestjs/axios';
import type { Provider } from '@nestjs/common';
import axios from 'axios';
import { INPOST_PAY_HTTP_SERVICE, INPOST_PAY_RESOLVED_OPTIONS } from '../inpost-pay.constants.js';
import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';
import { InpostPayTokenService } from '../auth/inpost-pay-token.service.js';
import { installBearerInterceptor } from './bearer-token.interceptor.js';
import { InpostPayHttpAgents } from './inpost-pay-http-agents.js';
import { deadlineTransport } from './deadline-transport.js';

/**
 * The module's own `HttpService`, over an axios instance created for this registration only
 * (never the global axios default, never the host's `HttpService`), with the bearer interceptor.
 */
export const inpostPayHttpProvider: Provider = {
  provide: INPOST_PAY_HTTP_SERVICE,
  inject: [INPOST_PAY_RESOLVED_OPTIONS, InpostPayHttpAgents, InpostPayTokenService],
  useFactory: (options: ResolvedInpostPayOptions, agents: InpostPayHttpAgents, tokens: InpostPayTokenService) => {
    const instance = axios.create({
      baseURL: options.apiBaseUrl,
      timeout: options.timeoutMs,
      httpAgent: agents.http,
      httpsAgent: agents.https,
      headers: { Accept: 'application/json' },
      maxRedirects: 0,
      transport: deadlineTransport(options.timeoutMs),
    });
    installBearerInterceptor(instance, tokens, options.apiBaseUrl);
    return new HttpService(instance);
  },
};
