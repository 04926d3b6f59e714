import type { PaymentMethods, SigningKey, SigningKeys } from '../index.js';
import { fail, type ApiRoute } from './route-table.js';

/** Merchant configuration routes of reference section 3: payment methods and signing keys. */
export const merchantRoutes: readonly ApiRoute[] = [
  {
    method: 'GET',
    template: '/v1/izi/payment-methods',
    handle: (_request, { options }) => {
      const body: PaymentMethods = { payment_type: [...options.paymentMethods] };
      return { status: 200, body };
    },
  },
  {
    method: 'GET',
    template: '/v1/izi/signing-keys/public',
    handle: (_request, { signingKey }) => {
      const body: SigningKeys = {
        merchant_external_id: signingKey.merchantExternalId,
        public_keys: [{ public_key_base64: signingKey.publicKeyBase64, version: signingKey.version }],
      };
      return { status: 200, body };
    },
  },
  {
    method: 'GET',
    template: '/v1/izi/signing-keys/public/{version}',
    handle: ({ params }, { signingKey }) => {
      if (params['version'] !== signingKey.version) return fail(404, 'PUBLIC_KEY_NOT_FOUND', 'Public key not found');
      const body: SigningKey = {
        merchant_external_id: signingKey.merchantExternalId,
        public_key: { public_key_base64: signingKey.publicKeyBase64, version: signingKey.version },
      };
      return { status: 200, body };
    },
  },
];
