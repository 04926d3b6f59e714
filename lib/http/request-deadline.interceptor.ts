import type { AxiosInstance, InternalAxiosRequestConfig } from 'axios';

interface DeadlineConfig extends InternalAxiosRequestConfig {
  /** The caller's own signal, kept apart so that a retried request gets a fresh deadline. */
  inpostPayCallerSignal?: AbortSignal | null;
}

/**
 * Bounds each request of `instance` as a whole (headers and body) to `timeoutMs` from the moment
 * it is sent: axios's own `timeout` stops counting once headers arrive, so a slowly trickling
 * body could otherwise outlast it. Install it before the bearer interceptor, so that the clock
 * starts once the token is in hand (axios runs request interceptors last-installed first).
 */
export function installRequestDeadline(instance: AxiosInstance, timeoutMs: number): void {
  instance.interceptors.request.use((config: DeadlineConfig) => {
    if (config.inpostPayCallerSignal === undefined) config.inpostPayCallerSignal = (config.signal as AbortSignal | undefined) ?? null;
    const deadline = AbortSignal.timeout(timeoutMs);
    const caller = config.inpostPayCallerSignal;
    config.signal = caller ? AbortSignal.any([caller, deadline]) : deadline;
    return config;
  });
}
