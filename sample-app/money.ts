import type { Price } from '../lib/index.js';

/** InPost's `{net, gross, vat}` with two decimals from a gross amount in grosze and a VAT rate. */
export function price(grossCents: number, vatRate: number): Price {
  const netCents = Math.round(grossCents / (1 + vatRate));
  const format = (cents: number) => (cents / 100).toFixed(2);
  return { net: format(netCents), gross: format(grossCents), vat: format(grossCents - netCents) };
}
