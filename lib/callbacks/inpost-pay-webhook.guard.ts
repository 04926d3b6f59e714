import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { INPOST_PAY_CALLBACK_POLICY } from '../inpost-pay.constants.js';
import type { CallbackPolicy } from './callback-options.resolver.js';
import { announcesBody, callbackRequestOf, hasJsonContentType, singleHeader, type CallbackRequest } from './http-request.js';
import { callbackRejection } from './callback-rejection.js';
import { InpostPayCallbackException } from './inpost-pay-callback.exception.js';
import { RateLimitedLog } from './rate-limited-log.js';
import { webhookSignature, webhookSignatureMatches } from './webhook-signature.js';

/**
 * Verifies the SHA-512 `X-Signature` of InPost's transaction webhooks (reference 5.5) with the
 * `callbacks.webhookSecret` option, on the raw body. A failure (an empty body included) answers
 * 401 `INVALID_SIGNATURE`; without the secret, or without the raw body of a JSON request, the
 * guard fails closed with 500 and logs the fix (at most once a minute).
 */
@Injectable()
export class InpostPayWebhookGuard implements CanActivate {
  private readonly logger = new Logger(InpostPayWebhookGuard.name);
  private readonly rejections = new RateLimitedLog(this.logger);
  private readonly misconfiguration = new RateLimitedLog(this.logger, 1, 60_000, 'error');

  constructor(@Inject(INPOST_PAY_CALLBACK_POLICY) private readonly policy: CallbackPolicy) {}

  canActivate(context: ExecutionContext): boolean {
    const request = callbackRequestOf(context);
    const secret = this.policy.webhookSecret;
    if (!secret) this.failClosed('Transaction webhooks cannot be verified: set the module option "callbacks.webhookSecret".');
    if (!request.rawBody && announcesBody(request.raw) && hasJsonContentType(request.raw)) {
      this.failClosed('The raw request body is missing: create the app with NestFactory.create(AppModule, { rawBody: true }).');
    }
    const signature = singleHeader(request.raw, 'x-signature');
    const apiVersion = singleHeader(request.raw, 'x-api-version') ?? '';
    const body = request.rawBody && this.parse(request.rawBody);
    if (signature && body && webhookSignatureMatches(signature, webhookSignature(apiVersion, body, secret))) return true;
    return this.reject(request);
  }

  private reject(request: CallbackRequest): never {
    this.rejections.write(`Refused a transaction webhook to ${request.method} ${JSON.stringify(request.url.slice(0, 200))}`);
    throw callbackRejection(401, 'INVALID_SIGNATURE', 'Invalid signature', 'signature');
  }

  private failClosed(fix: string): never {
    this.misconfiguration.write(fix);
    throw new InpostPayCallbackException(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }

  private parse(rawBody: Buffer): Record<string, unknown> | undefined {
    try {
      const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}
