import { inspect } from 'node:util';
import { resolveInpostPayOptions } from './inpost-pay.options-resolver.js';

describe('resolveInpostPayOptions', () => {
  it('applies the sandbox defaults', () => {
    const resolved = resolveInpostPayOptions({ clientId: 'id', clientSecret: 'secret-value' });

    expect(resolved).toMatchObject({
      environment: 'sandbox',
      tokenUrl: 'https://sandbox-login.inpost.pl/auth/realms/external/protocol/openid-connect/token',
      apiBaseUrl: 'https://sandbox-api.inpost.pl',
      timeoutMs: 10_000,
      tokenRefresh: { refreshLeadMs: 120_000, expiryMarginMs: 10_000 },
    });
    expect(resolved.clientSecret).toBe('secret-value');
  });

  it('picks the production URLs and strips a trailing slash from an override', () => {
    const resolved = resolveInpostPayOptions({
      clientId: 'id',
      clientSecret: 'secret',
      environment: 'production',
      apiBaseUrl: 'http://127.0.0.1:8080/',
    });

    expect(resolved.tokenUrl).toBe('https://login.inpost.pl/auth/realms/external/protocol/openid-connect/token');
    expect(resolved.apiBaseUrl).toBe('http://127.0.0.1:8080');
  });

  it('keeps the secrets out of JSON and util.inspect', () => {
    const resolved = resolveInpostPayOptions({ clientId: 'id', clientSecret: 'oauth-secret-1', transactionSecret: 'tx-secret-2' });

    for (const view of [JSON.stringify(resolved), inspect(resolved, { depth: 5 })]) {
      expect(view).not.toContain('oauth-secret-1');
      expect(view).not.toContain('tx-secret-2');
    }
    expect(resolved.transactionSecret).toBe('tx-secret-2');
  });
});
