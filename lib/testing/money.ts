import type { Price } from '../index.js';

/** Whole grosze (hundredths) of a money value given as a number or a decimal string, or undefined. */
export function toCents(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 100);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 100);
  return undefined;
}

/** A cents amount as InPost writes money: a string with two decimals, e.g. `"250.00"`. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** The gross amount of a price in cents, or undefined when the price has none. */
export function grossCents(price: Price | undefined): number | undefined {
  return price === undefined ? undefined : toCents(price.gross);
}
