import 'reflect-metadata';
import {
  buildMessage,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import type { PromoCode } from '../../models/basket.model.js';
import type { BasketEventQuantity } from '../../models/callback.model.js';
import type {
  DeliveryCodeValue,
  DeliveryType,
  KeyValue,
  OrderStatus,
  PaymentStatus,
  PaymentType,
  PhoneNumber,
  Price,
} from '../../models/common.model.js';

const keys = <T extends string>(all: Record<T, true>): T[] => Object.keys(all) as T[];

export const PAYMENT_TYPES = keys<PaymentType>({
  CARD: true,
  CARD_TOKEN: true,
  GOOGLE_PAY: true,
  APPLE_PAY: true,
  BLIK_CODE: true,
  BLIK_TOKEN: true,
  PAY_BY_LINK: true,
  SHOPPING_LIMIT: true,
  DEFERRED_PAYMENT: true,
  CASH_ON_DELIVERY: true,
});

export const PAYMENT_STATUSES = keys<PaymentStatus>({
  UNPAID: true,
  STARTED: true,
  PENDING: true,
  AUTHORIZED: true,
  DECLINED: true,
  CANCELLED: true,
  ERROR: true,
  COD: true,
});

export const ORDER_STATUSES = keys<OrderStatus>({ ORDER_PROCESSING: true, ORDER_COMPLETED: true, ORDER_REJECTED: true });

export const DELIVERY_TYPES = keys<DeliveryType>({ APM: true, COURIER: true, DIGITAL: true });

export const DELIVERY_CODE_VALUES = keys<DeliveryCodeValue>({ COD: true, PWW: true, GW: true });

export const QUANTITY_TYPES = ['INTEGER', 'DECIMAL'] as const;

const MONEY_PATTERN = /^-?\d+(\.\d+)?$/;

/** True for a finite number or a decimal string such as `"250.00"`. */
export function isMoney(value: unknown): boolean {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && MONEY_PATTERN.test(value));
}

/** Checks that a money field is a finite number or a decimal string such as `"250.00"`. */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoney',
      validator: {
        validate: (value: unknown) => isMoney(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a number or a numeric string`, options),
      },
    },
    options,
  );
}

/** A phone number, e.g. `{ country_prefix: '+48', phone: '600000000' }`. */
export class PhoneNumberDto implements PhoneNumber {
  @IsString()
  @IsNotEmpty()
  country_prefix!: string;

  @IsString()
  @IsNotEmpty()
  phone!: string;
}

/** Money as `{net, gross, vat}`; each a number or a numeric string. */
export class PriceDto implements Price {
  @IsMoney()
  net!: string | number;

  @IsMoney()
  gross!: string | number;

  @IsMoney()
  vat!: string | number;
}

/** A free key/value pair. */
export class KeyValueDto implements KeyValue {
  @IsString()
  key!: string;

  @IsString()
  value!: string;
}

/** A promo code the customer wants on the basket. */
export class PromoCodeDto implements PromoCode {
  @IsOptional()
  @IsString()
  name?: string;

  @IsString()
  @IsNotEmpty()
  promo_code_value!: string;

  @IsOptional()
  @IsIn(['OMNIBUS'])
  regulation_type?: 'OMNIBUS';
}

/** A quantity sent by a basket event; `0` removes the line. */
export class BasketEventQuantityDto implements BasketEventQuantity {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  quantity!: number;

  @IsOptional()
  @IsIn(QUANTITY_TYPES)
  quantity_type?: 'INTEGER' | 'DECIMAL';

  @IsOptional()
  @IsString()
  quantity_unit?: string;
}
