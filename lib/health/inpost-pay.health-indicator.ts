import { Inject, Injectable } from '@nestjs/common';
import { InpostPayTokenService } from '../auth/inpost-pay-token.service.js';
import { InpostPayClient } from '../http/inpost-pay.client.js';
import { INPOST_PAY_RESOLVED_OPTIONS, INPOST_PAY_STORE_HOST } from '../inpost-pay.constants.js';
import type { ResolvedInpostPayOptions } from '../inpost-pay.options-resolver.js';
import type { InpostPayStoreHost, InpostPayStoreStatus } from '../store/inpost-pay-store.host.js';

/** How long a successful signing-key check is trusted before the next health check asks InPost again. */
export const SIGNING_KEYS_CHECK_INTERVAL_MS = 60_000;

/**
 * A health indicator result in `@nestjs/terminus`'s shape: `{ [key]: { status, ...details } }`.
 * Details never hold a token or a secret.
 */
export type InpostPayHealthResult<Key extends string = string> = Record<Key, InpostPayHealthDetails>;

/** The result under the indicator's key. */
export interface InpostPayHealthDetails {
  status: 'up' | 'down';
  /** Where shared state lives right now. */
  store: InpostPayStoreStatus;
  /** Why it is down. */
  reason?: string;
}

/**
 * Health of the InPost Pay integration for `@nestjs/terminus`: up when an access token is held
 * or can be obtained and InPost's signing keys can be fetched; down with a reason otherwise.
 * Use it in a `HealthCheckService.check([...])` list: `() => indicator.isHealthy('inpost_pay')`.
 * It needs no import of terminus itself. A successful key check is reused for a minute, so
 * frequent probes do not each call InPost; concurrent probes share one check, and a check that
 * takes longer than `timeoutMs` answers down.
 */
@Injectable()
export class InpostPayHealthIndicator {
  private keysCheckedAt?: number;
  private running?: Promise<InpostPayHealthDetails>;

  constructor(
    private readonly tokens: InpostPayTokenService,
    private readonly client: InpostPayClient,
    @Inject(INPOST_PAY_STORE_HOST) private readonly host: InpostPayStoreHost,
    @Inject(INPOST_PAY_RESOLVED_OPTIONS) private readonly options: ResolvedInpostPayOptions,
  ) {}

  /** Checks the token and the signing keys; resolves (never rejects) with the result under `key`. */
  async isHealthy<const Key extends string = 'inpost_pay'>(key: Key = 'inpost_pay' as Key): Promise<InpostPayHealthResult<Key>> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return { [key]: await this.running } as InpostPayHealthResult<Key>;
  }

  private async check(): Promise<InpostPayHealthDetails> {
    const reason = await withTimeout(
      (async () => (await this.tokenProblem()) ?? (await this.signingKeysProblem()))(),
      this.options.timeoutMs,
      `the check took longer than ${this.options.timeoutMs} ms`,
    );
    const store = await this.host.probe();
    return reason === undefined ? { status: 'up', store } : { status: 'down', store, reason };
  }

  private async tokenProblem(): Promise<string | undefined> {
    try {
      await this.tokens.getBearerToken();
      return undefined;
    } catch (error) {
      return `no access token: ${messageOf(error)}`;
    }
  }

  private async signingKeysProblem(): Promise<string | undefined> {
    const now = performance.now();
    if (this.keysCheckedAt !== undefined && now - this.keysCheckedAt < SIGNING_KEYS_CHECK_INTERVAL_MS) return undefined;
    try {
      await this.client.getSigningKeys();
      this.keysCheckedAt = now;
      return undefined;
    } catch (error) {
      this.keysCheckedAt = undefined;
      return `signing keys unreachable: ${messageOf(error)}`;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}

function withTimeout(work: Promise<string | undefined>, ms: number, reason: string): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(reason), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
