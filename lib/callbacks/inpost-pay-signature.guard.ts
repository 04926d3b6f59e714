import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { INPOST_PAY_CALLBACK_POLICY } from '../inpost-pay.constants.js';
import type { CallbackPolicy } from './callback-options.resolver.js';
import { announcesBody, callbackRequestOf, hasJsonContentType, singleHeader, type CallbackRequest } from './http-request.js';
import type { CallbackRejectionReason } from '../events/inpost-pay-event.model.js';
import { callbackRejection } from './callback-rejection.js';
import { InpostPayCallbackException } from './inpost-pay-callback.exception.js';
import { RateLimitedLog } from './rate-limited-log.js';
import { InpostPaySigningKeyCache, type KeyLookup } from './signing-key-cache.js';
import { decodeSignature, keyHashMatches, signatureValid, timestampFresh, type SignatureHeaders } from './signature-verifier.js';

const EMPTY_BODY = Buffer.alloc(0);

/** Marks a request whose signature was verified, so a guard applied twice (class and method) does not see its own replay. */
const VERIFIED = Symbol('inpostPaySignatureVerified');

interface SignedRequest {
  readonly headers: SignatureHeaders;
  readonly signature: Buffer;
  readonly rawBody: Buffer;
}

/**
 * Verifies InPost's signature of a callback (reference 5.1) on the raw body bytes: key by
 * `x-public-key-ver`, key hash, timestamp window, RSA-SHA256 signature, then replay. Every
 * failure answers 401 `INVALID_SIGNATURE` without saying which check failed; 503 when InPost's
 * keys cannot be had. Needs the app to be created with `rawBody: true`; without it the guard
 * fails closed with 500.
 */
@Injectable()
export class InpostPaySignatureGuard implements CanActivate {
  private readonly logger = new Logger(InpostPaySignatureGuard.name);
  private readonly rejections = new RateLimitedLog(this.logger);
  private readonly misconfiguration = new RateLimitedLog(this.logger, 1, 60_000, 'error');

  constructor(
    @Inject(INPOST_PAY_CALLBACK_POLICY) private readonly policy: CallbackPolicy,
    private readonly keys: InpostPaySigningKeyCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.policy.verifySignature) return true;
    const request = callbackRequestOf(context);
    const raw = request.raw as typeof request.raw & { [VERIFIED]?: true };
    if (raw[VERIFIED]) return true;
    const signed = this.signedRequestOf(request);
    if (!timestampFresh(signed.headers.timestamp, Date.now(), this.policy.timestampToleranceMs)) {
      return this.reject(request, 'timestamp outside the window');
    }
    if (!(await this.signatureVerified(signed))) return this.reject(request, 'key or signature mismatch');
    const replayKey = createHash('sha256').update(signed.signature).digest('base64');
    const firstSight = await this.policy.replayStore.markSeen(replayKey, 2 * this.policy.timestampToleranceMs);
    if (!firstSight) return this.reject(request, 'replayed signature', 'replay');
    raw[VERIFIED] = true;
    return true;
  }

  /**
   * Checks key hash and signature with the key of the version (fetched when not cached). Only
   * when a cached key's hash differs from the header is the key fetched once more (rate-limited).
   */
  protected async signatureVerified(signed: SignedRequest): Promise<boolean> {
    let lookup = this.usable(await this.keys.get(signed.headers.keyVersion));
    if (!lookup) return false;
    if (!keyHashMatches(signed.headers.keyHash, lookup.key) && !lookup.fresh) {
      lookup = this.usable(await this.keys.refetch(signed.headers.keyVersion, lookup.key));
      if (!lookup) return false;
    }
    return keyHashMatches(signed.headers.keyHash, lookup.key) && signatureValid(signed.rawBody, signed.headers, signed.signature, lookup.key);
  }

  private usable(lookup: KeyLookup): Extract<KeyLookup, { key: unknown }> | undefined {
    if ('key' in lookup) return lookup;
    if (lookup.failure === 'unavailable') throw new InpostPayCallbackException(503, 'SERVICE_UNAVAILABLE', 'Service unavailable');
    return undefined;
  }

  private signedRequestOf(request: CallbackRequest): SignedRequest {
    const signatureText = singleHeader(request.raw, 'x-signature');
    const timestamp = singleHeader(request.raw, 'x-signature-timestamp');
    const keyVersion = singleHeader(request.raw, 'x-public-key-ver');
    const keyHash = singleHeader(request.raw, 'x-public-key-hash');
    const signature = signatureText === undefined ? undefined : decodeSignature(signatureText);
    if (!signatureText || !signature || !timestamp || !keyVersion || !keyHash) {
      return this.reject(request, 'missing or malformed signature headers');
    }
    return { headers: { signature: signatureText, timestamp, keyVersion, keyHash }, signature, rawBody: this.rawBodyOf(request) };
  }

  private rawBodyOf(request: CallbackRequest): Buffer {
    if (request.rawBody) return request.rawBody;
    if (!announcesBody(request.raw) || request.method === 'GET' || request.method === 'HEAD') return EMPTY_BODY;
    if (!hasJsonContentType(request.raw)) {
      throw callbackRejection(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'validation');
    }
    this.misconfiguration.write(
      'The raw request body is missing, so InPost signatures cannot be verified: create the app with ' +
        'NestFactory.create(AppModule, { rawBody: true }) (callbacks are refused until then).',
    );
    throw new InpostPayCallbackException(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }

  private reject(request: CallbackRequest, detail: string, reason: CallbackRejectionReason = 'signature'): never {
    this.rejections.write(`Refused a callback to ${request.method} ${JSON.stringify(request.url.slice(0, 200))}: ${detail}`);
    throw callbackRejection(401, 'INVALID_SIGNATURE', 'Invalid signature', reason);
  }
}
