/** A product the sample shop sells. Prices in grosze (1/100 PLN), VAT included in `grossCents`. */
export interface CatalogueProduct {
  id: string;
  name: string;
  grossCents: number;
  vatRate: number;
  stock: number;
}

/** The sample shop's whole catalogue, in memory. */
export const CATALOGUE: readonly CatalogueProduct[] = [
  { id: 'MUG-1', name: 'InPost mug', grossCents: 3690, vatRate: 0.23, stock: 50 },
  { id: 'TEE-1', name: 'Courier T-shirt', grossCents: 7990, vatRate: 0.23, stock: 20 },
  { id: 'BOOK-1', name: 'Parcel locker handbook', grossCents: 4900, vatRate: 0.05, stock: 10 },
];

/** Promo codes the shop accepts: code -> percent off the products. */
export const PROMO_CODES: Readonly<Record<string, number>> = { WELCOME10: 10 };

export function findProduct(id: string): CatalogueProduct | undefined {
  return CATALOGUE.find((product) => product.id === id);
}
