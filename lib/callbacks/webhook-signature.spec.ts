import { webhookSignature, webhookSignatureMatches } from './webhook-signature.js';

describe('webhookSignature', () => {
  it('hashes the API version, the values in alphabetical path order (null as empty) and the secret', () => {
    const body = { eventType: 'REFUND', eventData: { status: 'DONE', amount: { value: 5, currency: 'PLN' }, refundReference: null, extra: 'ignored' } };

    // sha512("1" + "PLN" + "5" + "" + "DONE" + "REFUND" + "s3"), worked out outside the module
    expect(webhookSignature('1', body, 's3')).toBe(
      '4b61a47112cfc068aea584cbfea44d529941e193ea669284951e281578763f01c35d593780571528a030bd9b9589e7bbd15aef3157b024d2c93caccabba2a1c1',
    );
  });

  it('compares case-insensitively and refuses other lengths', () => {
    expect(webhookSignatureMatches('ABCD', 'abcd')).toBe(true);
    expect(webhookSignatureMatches('abc', 'abcd')).toBe(false);
  });
});
