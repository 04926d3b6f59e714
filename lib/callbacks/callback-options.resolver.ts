import { INPOST_PAY_PROXY_IPS } from '../inpost-pay.constants.js';
import { InpostPayConfigurationError } from '../errors/inpost-pay-configuration.error.js';
import { MESSAGES } from '../inpost-pay.messages.js';
import { AddressListError, AddressMatcher } from './address-matcher.js';
import type { InpostPayCallbackOptions } from './callback.options.js';
import type { InpostPayReplayStore } from './replay-store.js';

/** The callback options compiled at boot. */
export interface CallbackPolicy {
  readonly allowList: AddressMatcher;
  readonly trustedProxies: AddressMatcher;
  readonly verifySignature: boolean;
  readonly timestampToleranceMs: number;
  readonly replayStore: InpostPayReplayStore;
  readonly signingKeyTtlMs: number;
  readonly signingKeyRefetchIntervalMs: number;
  readonly signingKeyFetchesPerMinute: number;
  readonly webhookSecret?: string;
}

function list(value: unknown, option: string): readonly unknown[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new InpostPayConfigurationError(`InpostPayModule: option "${option}" must be an array.`);
  return value;
}

function positive(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InpostPayConfigurationError(MESSAGES.optionNotPositive(option));
  }
  return value;
}

function seconds(value: unknown, option: string, fallback: number): number {
  return positive(value, option, fallback) * 1000;
}

function compile(entries: readonly unknown[], option: string, presets: boolean): AddressMatcher {
  try {
    return AddressMatcher.compile(entries, option, presets);
  } catch (error) {
    if (error instanceof AddressListError) throw new InpostPayConfigurationError(error.message);
    throw error;
  }
}

/** Validates and compiles the `callbacks` options; errors name the option and the bad entry. */
export function resolveCallbackPolicy(value: unknown): CallbackPolicy {
  if (value !== undefined && (typeof value !== 'object' || value === null)) {
    throw new InpostPayConfigurationError(MESSAGES.optionNotObject('callbacks'));
  }
  const options = (value ?? {}) as InpostPayCallbackOptions;
  if (options.allowedIps !== undefined && Array.isArray(options.allowedIps) && options.allowedIps.length === 0 && !options.extraAllowedIps?.length) {
    throw new InpostPayConfigurationError('InpostPayModule: option "callbacks.allowedIps" is empty, which would refuse every callback.');
  }
  const allowed = list(options.allowedIps, 'callbacks.allowedIps') ?? INPOST_PAY_PROXY_IPS;
  const extra = list(options.extraAllowedIps, 'callbacks.extraAllowedIps') ?? [];
  const allowList = compile(allowed, 'callbacks.allowedIps', false).union(compile(extra, 'callbacks.extraAllowedIps', false));
  const verifySignature = options.verifySignature ?? true;
  if (typeof verifySignature !== 'boolean') {
    throw new InpostPayConfigurationError('InpostPayModule: option "callbacks.verifySignature" must be a boolean.');
  }
  const replayStore = options.replayStore;
  if (replayStore !== undefined && typeof replayStore?.markSeen !== 'function') {
    throw new InpostPayConfigurationError('InpostPayModule: option "callbacks.replayStore" must implement markSeen(key, ttlMs).');
  }
  if (options.webhookSecret !== undefined && (typeof options.webhookSecret !== 'string' || options.webhookSecret === '')) {
    throw new InpostPayConfigurationError(MESSAGES.optionEmpty('callbacks.webhookSecret'));
  }
  const policy: Omit<CallbackPolicy, 'webhookSecret' | 'replayStore'> & { replayStore?: InpostPayReplayStore } = {
    allowList,
    trustedProxies: compile(list(options.trustedProxies, 'callbacks.trustedProxies') ?? [], 'callbacks.trustedProxies', true),
    verifySignature,
    timestampToleranceMs: seconds(options.timestampToleranceSeconds, 'callbacks.timestampToleranceSeconds', 240),
    replayStore,
    signingKeyTtlMs: seconds(options.signingKeyTtlSeconds, 'callbacks.signingKeyTtlSeconds', 3600),
    signingKeyRefetchIntervalMs: seconds(options.signingKeyRefetchIntervalSeconds, 'callbacks.signingKeyRefetchIntervalSeconds', 10),
    signingKeyFetchesPerMinute: positive(options.signingKeyFetchesPerMinute, 'callbacks.signingKeyFetchesPerMinute', 10),
  };
  return Object.defineProperty(policy, 'webhookSecret', { value: options.webhookSecret, enumerable: false }) as CallbackPolicy;
}

/** Gives `policy` the module's default replay store when the options named none. */
export function withDefaultReplayStore(policy: CallbackPolicy, defaultStore: () => InpostPayReplayStore): CallbackPolicy {
  if (policy.replayStore === undefined) (policy as { replayStore: InpostPayReplayStore }).replayStore = defaultStore();
  return policy;
}
