import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { EmulatorState } from './emulator-state.js';
import { sendJson } from './http-io.js';

/** Path of the Keycloak token endpoint, as on `login.inpost.pl`. */
export const TOKEN_PATH = '/auth/realms/external/protocol/openid-connect/token';

/** Route key under which token requests are counted. */
export const TOKEN_ROUTE = 'POST /token';

interface Credentials {
  readonly clientId: string | null;
  readonly clientSecret: string | null;
}

/** Client credentials from the form, or from HTTP Basic (`client_secret_basic`) when the form has none. */
function credentialsOf(form: URLSearchParams, authorization: string | undefined): Credentials {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (basic && !form.has('client_id')) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
    }
  }
  return { clientId: form.get('client_id'), clientSecret: form.get('client_secret') };
}

/**
 * A Keycloak-like OAuth2 `client_credentials` endpoint: opaque random tokens, each valid for the
 * configured lifetime on the emulator's clock.
 */
export class TokenEndpoint {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly lifetimeSeconds: number,
    private readonly state: EmulatorState,
  ) {}

  /** True while `token` was issued here and has not expired. */
  isValid(token: string): boolean {
    const expiresAt = this.expiries.get(token);
    return expiresAt !== undefined && this.state.now() < expiresAt;
  }

  /** Answers one token request. */
  handle(body: Buffer, headers: IncomingHttpHeaders, response: ServerResponse): void {
    const form = new URLSearchParams(body.toString('utf8'));
    const grantType = form.get('grant_type');
    if (!grantType) {
      sendJson(response, 400, { error: 'invalid_request', error_description: 'Missing form parameter: grant_type' });
      return;
    }
    if (grantType !== 'client_credentials') {
      sendJson(response, 400, { error: 'unsupported_grant_type', error_description: 'Unsupported grant_type' });
      return;
    }
    const credentials = credentialsOf(form, headers.authorization);
    if (credentials.clientId !== this.clientId) {
      sendJson(response, 401, { error: 'invalid_client', error_description: 'Invalid client credentials' });
      return;
    }
    if (credentials.clientSecret !== this.clientSecret) {
      sendJson(response, 401, { error: 'invalid_client', error_description: 'Invalid client secret' });
      return;
    }
    sendJson(response, 200, this.issue(), { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  }

  private issue(): Record<string, unknown> {
    const now = this.state.now();
    for (const [token, expiresAt] of this.expiries) if (expiresAt <= now) this.expiries.delete(token);
    const token = `emu.${randomBytes(32).toString('base64url')}`;
    this.expiries.set(token, now + this.lifetimeSeconds * 1000);
    this.state.issuedTokens += 1;
    return {
      access_token: token,
      expires_in: this.lifetimeSeconds,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'api:inpostpay',
    };
  }
}
