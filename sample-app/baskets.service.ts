import { Injectable } from '@nestjs/common';
import { InpostPayCallbackException, type Basket, type BasketProduct, type PromoCode } from '../lib/index.js';
import { findProduct, PROMO_CODES } from './catalogue.js';
import { price } from './money.js';

/** A shop basket: product id -> quantity, plus applied promo codes. */
export interface ShopBasket {
  id: string;
  lines: Map<string, number>;
  promoCodes: string[];
  /** Set when the customer linked the basket in the InPost app. */
  inpostBasketId?: string;
}

const DELIVERY_GROSS_CENTS = 1299;

/** The shop's baskets, in memory, and their translation into InPost's basket format. */
@Injectable()
export class BasketsService {
  private readonly baskets = new Map<string, ShopBasket>();
  private sequence = 0;

  create(lines: { productId: string; quantity: number }[]): ShopBasket {
    const basket: ShopBasket = { id: `B-${++this.sequence}`, lines: new Map(), promoCodes: [] };
    for (const line of lines) this.setQuantity(basket, line.productId, line.quantity);
    this.baskets.set(basket.id, basket);
    return basket;
  }

  get(basketId: string): ShopBasket {
    const basket = this.baskets.get(basketId);
    if (!basket) throw new InpostPayCallbackException(404, 'BASKET_NOT_FOUND', 'Basket not found');
    return basket;
  }

  setQuantity(basket: ShopBasket, productId: string, quantity: number): void {
    const product = findProduct(productId);
    if (!product) throw new InpostPayCallbackException(404, 'PRODUCT_NOT_FOUND', 'Product not found');
    if (quantity > product.stock) throw new InpostPayCallbackException(409, 'OUT_OF_STOCK', 'Not enough stock');
    if (quantity <= 0) basket.lines.delete(productId);
    else basket.lines.set(productId, quantity);
  }

  /** Keeps the known codes of the wanted list (InPost sends the full list every time). */
  setPromoCodes(basket: ShopBasket, codes: string[]): void {
    basket.promoCodes = codes.filter((code) => PROMO_CODES[code] !== undefined);
  }

  /** The basket in InPost's format, with totals. */
  toInpostBasket(basket: ShopBasket): Basket {
    const products: BasketProduct[] = [];
    let baseCents = 0;
    for (const [productId, quantity] of basket.lines) {
      const product = findProduct(productId)!;
      baseCents += product.grossCents * quantity;
      products.push({
        product_id: product.id,
        product_name: product.name,
        base_price: price(product.grossCents, product.vatRate),
        quantity: { quantity, quantity_type: 'INTEGER', available_quantity: product.stock },
      });
    }
    const percentOff = basket.promoCodes.reduce((total, code) => total + (PROMO_CODES[code] ?? 0), 0);
    const finalCents = Math.round((baseCents * (100 - percentOff)) / 100);
    const promoCodes: PromoCode[] = basket.promoCodes.map((code) => ({ name: `${PROMO_CODES[code]}% off`, promo_code_value: code }));
    return {
      summary: {
        basket_base_price: price(baseCents, 0.23),
        basket_final_price: price(finalCents, 0.23),
        currency: 'PLN',
        payment_type: ['CARD', 'BLIK_CODE'],
      },
      delivery: [{ delivery_type: 'APM', delivery_price: price(DELIVERY_GROSS_CENTS, 0.23) }],
      products,
      promo_codes: promoCodes,
    };
  }
}
