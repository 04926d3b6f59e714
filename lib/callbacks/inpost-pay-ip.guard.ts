import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { INPOST_PAY_CALLBACK_POLICY } from '../inpost-pay.constants.js';
import type { CallbackPolicy } from './callback-options.resolver.js';
import { resolveClientAddress } from './client-address.js';
import { callbackRequestOf } from './http-request.js';
import { InpostPayCallbackException } from './inpost-pay-callback.exception.js';
import { RateLimitedLog } from './rate-limited-log.js';

/**
 * Lets only allow-listed addresses (by default InPost's proxy IPs) reach a callback route. The
 * client address is the TCP peer, or the `X-Forwarded-For` hop found through trusted proxies
 * only. A denial answers 403 `FORBIDDEN` and logs the address and route (rate-limited).
 */
@Injectable()
export class InpostPayIpGuard implements CanActivate {
  private readonly denials = new RateLimitedLog(new Logger(InpostPayIpGuard.name));

  constructor(@Inject(INPOST_PAY_CALLBACK_POLICY) private readonly policy: CallbackPolicy) {}

  canActivate(context: ExecutionContext): boolean {
    const request = callbackRequestOf(context);
    const address = resolveClientAddress(request.raw, this.policy.trustedProxies);
    if (address && this.policy.allowList.matches(address)) return true;
    const shown = address?.toString() ?? `unparseable (peer ${request.raw.socket?.remoteAddress ?? 'unknown'})`;
    this.denials.write(`Denied ${shown} access to ${request.method} ${JSON.stringify(request.url.slice(0, 200))}`);
    throw new InpostPayCallbackException(403, 'FORBIDDEN', 'Forbidden');
  }
}
