import { SealedCodec } from './sealed-codec.js';

describe('SealedCodec', () => {
  const token = { t: 'eyJhbGciOiJSUzI1NiJ9.payload.sig', l: 300_000 };

  it('opens what it sealed, and the sealed text does not show the value', () => {
    const codec = new SealedCodec('client-secret', 'token');
    const sealed = codec.sealJson(token);

    expect(sealed).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('payload');
    expect(codec.openJson(sealed)).toEqual(token);
  });

  it('reads a value sealed under another secret or purpose, a tampered one or garbage as absent', () => {
    const sealed = new SealedCodec('client-secret', 'token').sealJson(token);
    const tampered = Buffer.from(sealed, 'base64');
    tampered[tampered.length - 1]! ^= 1;

    expect(new SealedCodec('another-secret', 'token').openJson(sealed)).toBeUndefined();
    expect(new SealedCodec('client-secret', 'signing key').openJson(sealed)).toBeUndefined();
    expect(new SealedCodec('client-secret', 'token').openJson(tampered.toString('base64'))).toBeUndefined();
    expect(new SealedCodec('client-secret', 'token').openJson(JSON.stringify(token))).toBeUndefined();
    expect(new SealedCodec('client-secret', 'token').openJson(undefined)).toBeUndefined();
  });
});
