import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { INPOST_PAY_CALLBACK_POLICY } from '../inpost-pay.constants.js';
import { BoundedMemo } from './bounded-memo.js';
import type { CallbackPolicy } from './callback-options.resolver.js';
import { resolveClientAddress } from './client-address.js';
import { callbackRequestOf } from './http-request.js';
import { callbackRejection } from './callback-rejection.js';
import { RateLimitedLog } from './rate-limited-log.js';

/**
 * Lets only allow-listed addresses (by default InPost's proxy IPs) reach a callback route. The
 * client address is the TCP peer, or the `X-Forwarded-For` hop found through trusted proxies
 * only. A denial answers 403 `FORBIDDEN` and logs the address and route (rate-limited).
 */
@Injectable()
export class InpostPayIpGuard implements CanActivate {
  private readonly denials = new RateLimitedLog(new Logger(InpostPayIpGuard.name));
  /** Decisions by peer address, used when no proxy is trusted (the peer alone decides). */
  private readonly peerDecisions = new BoundedMemo<boolean>();

  /** Decisions may be memoized per peer when the peer alone decides: no trusted proxy, and `isAllowed` not overridden. */
  private readonly memoizable: boolean;

  constructor(@Inject(INPOST_PAY_CALLBACK_POLICY) private readonly policy: CallbackPolicy) {
    this.memoizable = policy.trustedProxies.size === 0 && this.isAllowed === InpostPayIpGuard.prototype.isAllowed;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = callbackRequestOf(context);
    const peer = request.raw.socket?.remoteAddress;
    const allowed = this.memoizable && peer ? this.peerDecisions.get(peer, () => this.isAllowed(request.raw)) : this.isAllowed(request.raw);
    if (allowed) return true;
    const address = resolveClientAddress(request.raw, this.policy.trustedProxies);
    const shown = address?.toString() ?? `unparseable (peer ${peer ?? 'unknown'})`;
    this.denials.write(`Denied ${shown} access to ${request.method} ${JSON.stringify(request.url.slice(0, 200))}`);
    throw callbackRejection(403, 'FORBIDDEN', 'Forbidden', 'ip');
  }

  /** Whether the request's client address is on the allow-list. Override to decide otherwise (decisions are then not memoized per peer). */
  protected isAllowed(request: IncomingMessage): boolean {
    const address = resolveClientAddress(request, this.policy.trustedProxies);
    return address !== undefined && this.policy.allowList.matches(address);
  }
}
