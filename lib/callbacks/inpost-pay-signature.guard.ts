import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { INPOST_PAY_CALLBACK_POLICY } from '../inpost-pay.constants.js';
import type { CallbackPolicy } from './callback-options.resolver.js';
import { announcesBody, callbackRequestOf, singleHeader, type CallbackRequest } from './http-request.js';
import { InpostPayCallbackException } from './inpost-pay-callback.exception.js';
import { RateLimitedLog } from './rate-limited-log.js';
import { InpostPaySigningKeyCache, type KeyLookup } from './signing-key-cache.js';
import { keyHashMatches, signatureValid, timestampFresh, type SignatureHeaders } from './signature-verifier.js';

const EMPTY_BODY = Buffer.alloc(0);

/**
 * Verifies InPost's signature of a callback (reference 5.1) on the raw body bytes: key by
 * `x-public-key-ver`, key hash, timestamp window, RSA-SHA256 signature, then replay. Every
 * failure answers 401 `INVALID_SIGNATURE` without saying which check failed. Needs the app to be
 * created with `rawBody: true`; without it the guard fails closed with 500.
 */
@Injectable()
export class InpostPaySignatureGuard implements CanActivate {
  private readonly logger = new Logger(InpostPaySignatureGuard.name);
  private readonly rejections = new RateLimitedLog(this.logger);

  constructor(
    @Inject(INPOST_PAY_CALLBACK_POLICY) private readonly policy: CallbackPolicy,
    private readonly keys: InpostPaySigningKeyCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.policy.verifySignature) return true;
    const request = callbackRequestOf(context);
    const rawBody = this.rawBodyOf(request);
    const headers = this.signatureHeadersOf(request);
    if (!headers) return this.reject(request, 'missing signature headers');
    if (!timestampFresh(headers.timestamp, Date.now(), this.policy.timestampToleranceMs)) {
      return this.reject(request, 'timestamp outside the window');
    }
    if (!(await this.signatureVerified(rawBody, headers))) return this.reject(request, 'signature or key check failed');
    const replayKey = createHash('sha256').update(headers.signature).digest('base64');
    const firstSight = await this.policy.replayStore.markSeen(replayKey, 2 * this.policy.timestampToleranceMs);
    if (!firstSight) return this.reject(request, 'replayed signature');
    return true;
  }

  /**
   * Checks key hash and signature with the key of the version (fetched when not cached); on a
   * mismatch with a cached key, once more with a freshly fetched one (the cache rate-limits that).
   */
  protected async signatureVerified(rawBody: Buffer, headers: SignatureHeaders): Promise<boolean> {
    const lookup = await this.keys.get(headers.keyVersion);
    if (this.verifiedWith(lookup, rawBody, headers)) return true;
    if ('failure' in lookup || lookup.fresh) return false;
    return this.verifiedWith(await this.keys.refetch(headers.keyVersion), rawBody, headers);
  }

  private verifiedWith(lookup: KeyLookup, rawBody: Buffer, headers: SignatureHeaders): boolean {
    if ('failure' in lookup) {
      if (lookup.failure === 'unavailable') throw this.keysUnavailable();
      return false;
    }
    return keyHashMatches(headers.keyHash, lookup.key) && signatureValid(rawBody, headers, lookup.key);
  }

  private keysUnavailable(): InpostPayCallbackException {
    this.logger.error('InPost signing keys could not be fetched; callbacks are refused until they can be.');
    return new InpostPayCallbackException(503, 'SERVICE_UNAVAILABLE', 'Service unavailable');
  }

  private rawBodyOf(request: CallbackRequest): Buffer {
    if (request.rawBody) return request.rawBody;
    if (!announcesBody(request.raw)) return EMPTY_BODY;
    this.logger.error(
      'The raw request body is missing, so InPost signatures cannot be verified: create the app with ' +
        'NestFactory.create(AppModule, { rawBody: true }) (callbacks are refused until then).',
    );
    throw new InpostPayCallbackException(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }

  private signatureHeadersOf(request: CallbackRequest): SignatureHeaders | undefined {
    const signature = singleHeader(request.raw, 'x-signature');
    const timestamp = singleHeader(request.raw, 'x-signature-timestamp');
    const keyVersion = singleHeader(request.raw, 'x-public-key-ver');
    const keyHash = singleHeader(request.raw, 'x-public-key-hash');
    if (!signature || !timestamp || !keyVersion || !keyHash) return undefined;
    return { signature, timestamp, keyVersion, keyHash };
  }

  private reject(request: CallbackRequest, reason: string): never {
    this.rejections.warn(`Refused a callback to ${request.method} ${JSON.stringify(request.url.slice(0, 200))}: ${reason}`);
    throw new InpostPayCallbackException(401, 'INVALID_SIGNATURE', 'Invalid signature');
  }
}
