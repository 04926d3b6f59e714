import { SharedTokenCodec } from './shared-token-codec.js';

describe('SharedTokenCodec', () => {
  const token = { accessToken: 'eyJhbGciOiJSUzI1NiJ9.payload.sig', expiresAtEpochMs: 1_700_000_300_000, lifetimeMs: 300_000 };

  it('opens what it sealed, and the sealed text does not show the token', () => {
    const codec = new SharedTokenCodec('client-secret');
    const sealed = codec.seal(token);

    expect(sealed).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('payload');
    expect(codec.open(sealed)).toEqual(token);
  });

  it('reads a value sealed under another client secret, a tampered one or garbage as no token', () => {
    const sealed = new SharedTokenCodec('client-secret').seal(token);
    const tampered = Buffer.from(sealed, 'base64');
    tampered[tampered.length - 1]! ^= 1;

    expect(new SharedTokenCodec('another-secret').open(sealed)).toBeUndefined();
    expect(new SharedTokenCodec('client-secret').open(tampered.toString('base64'))).toBeUndefined();
    expect(new SharedTokenCodec('client-secret').open('not sealed')).toBeUndefined();
    expect(new SharedTokenCodec('client-secret').open(undefined)).toBeUndefined();
  });
});
