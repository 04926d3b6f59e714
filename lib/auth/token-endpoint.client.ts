import { Inject, Injectable } from '@nestjs/common';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { INPOST_PAY_RESOLVED_OPTIONS } from '../inpost-pay.constants.js';
import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';
import { InpostPayEndpointException } from '../errors/inpost-pay-endpoint.exception.js';
import { deadlineExceeded, deadlineTransport } from '../http/deadline-transport.js';
import { InpostPayHttpAgents } from '../http/inpost-pay-http-agents.js';
import { parseRetryAfter } from './retry-after.js';

/** A token as the endpoint issued it. */
export interface IssuedToken {
  readonly accessToken: string;
  /** When the token request was sent, on the `performance.now()` clock: the lifetime counts from here. */
  readonly sentAt: number;
  readonly lifetimeMs: number;
}

interface TokenEndpointBody {
  access_token?: unknown;
  expires_in?: unknown;
  token_type?: unknown;
  error?: unknown;
  error_description?: unknown;
}

/**
 * Performs the OAuth2 `client_credentials` request on an axios instance of its own, so that the
 * bearer interceptor never sees it. Every failure becomes an `InpostPayEndpointException`
 * built from plain fields, with any echo of the client secret removed.
 */
@Injectable()
export class InpostPayTokenEndpoint {
  private readonly http: AxiosInstance;
  readonly #form: string;

  constructor(
    @Inject(INPOST_PAY_RESOLVED_OPTIONS) private readonly options: ResolvedInpostPayOptions,
    agents: InpostPayHttpAgents,
  ) {
    this.http = axios.create({
      timeout: options.timeoutMs,
      httpAgent: agents.http,
      httpsAgent: agents.https,
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      validateStatus: () => true,
      maxRedirects: 0,
      transport: deadlineTransport(options.timeoutMs),
    });
    this.#form = new URLSearchParams({
      client_id: options.clientId,
      client_secret: options.clientSecret,
      grant_type: 'client_credentials',
    }).toString();
  }

  /** Requests a new access token. `signal` cancels it (used on shutdown). */
  async requestToken(signal: AbortSignal): Promise<IssuedToken> {
    const sentAt = performance.now();
    let response: AxiosResponse<TokenEndpointBody | string>;
    try {
      response = await this.http.post(this.options.tokenUrl, this.#form, { signal });
    } catch (error) {
      throw this.transportFailure(error, signal);
    }
    const body = typeof response.data === 'object' && response.data !== null ? response.data : {};
    if (response.status < 200 || response.status >= 300) {
      throw new InpostPayEndpointException({
        failure: 'http',
        status: response.status,
        error: this.scrub(body.error),
        errorDescription: this.scrub(body.error_description),
        retryAfterMs: parseRetryAfter(response.headers['retry-after'], Date.now()),
      });
    }
    const lifetimeSeconds = Number(body.expires_in);
    const tokenType = body.token_type;
    const usable =
      typeof body.access_token === 'string' &&
      body.access_token !== '' &&
      Number.isFinite(lifetimeSeconds) &&
      lifetimeSeconds > 0 &&
      (tokenType === undefined || (typeof tokenType === 'string' && tokenType.toLowerCase() === 'bearer'));
    if (!usable) throw new InpostPayEndpointException({ failure: 'invalid_response', status: response.status });
    return { accessToken: body.access_token as string, sentAt, lifetimeMs: lifetimeSeconds * 1000 };
  }

  private transportFailure(error: unknown, signal: AbortSignal): InpostPayEndpointException {
    if (signal.aborted) return new InpostPayEndpointException({ failure: 'shutdown' });
    const code = axios.isAxiosError(error) ? error.code : undefined;
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || (axios.isAxiosError(error) && deadlineExceeded(error.request))) {
      return new InpostPayEndpointException({ failure: 'timeout' });
    }
    return new InpostPayEndpointException({ failure: 'network', error: code });
  }

  private scrub(value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    return value.split(this.options.clientSecret).join('[redacted]').slice(0, 500);
  }
}
