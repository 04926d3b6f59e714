import { signRefund } from './refund-signature.js';

describe('signRefund', () => {
  it('hashes command id, transaction id, values in key order (null as empty) and the secret', () => {
    // sha512("c1" + "t1" + "" + "R-9" + "5.00" + "s"), worked out outside the module
    expect(signRefund('c1', 't1', { refund_amount: '5.00', external_refund_id: 'R-9', additional_business_data: null }, 's')).toBe(
      '98ae789c787696567eb7a4299e62cb12629108c47bd5598fe4d717cb5529d9f561469d54ae563a7b87b4a6c1ac1e81592c4745f57954544b4c1e641693fca7bb',
    );
  });
});
