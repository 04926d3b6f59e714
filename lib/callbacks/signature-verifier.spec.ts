import { bodyDigest, timestampFresh } from './signature-verifier.js';

describe('signature verifier', () => {
  it('digests an empty body to the golden value of reference 5.1', () => {
    expect(bodyDigest(Buffer.alloc(0))).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('accepts timestamps within the window either way and refuses the rest', () => {
    const now = Date.parse('2026-12-03T10:00:00.000Z');
    expect(timestampFresh('2026-12-03T09:56:00.000Z', now, 240_000)).toBe(true);
    expect(timestampFresh('2026-12-03T10:04:00.000Z', now, 240_000)).toBe(true);
    expect(timestampFresh('2026-12-03T09:55:59.999Z', now, 240_000)).toBe(false);
    expect(timestampFresh('2026-12-03T10:04:00.001Z', now, 240_000)).toBe(false);
    expect(timestampFresh('2026-12-03 10:00:00', now, 240_000)).toBe(false);
    expect(timestampFresh('2026-12-03T10:00:00+01:00', now, 240_000)).toBe(false);
  });
});
