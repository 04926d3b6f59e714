import {
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
} from 'class-validator';
import type { DeliveryOptionExtra } from '../../models/basket.model.js';
import type { CreateOrderDetails } from '../../models/callback.model.js';
import type { DeliveryCodeValue, DeliveryType, PaymentType } from '../../models/common.model.js';
import type {
  AccountInfo,
  ClientAddress,
  ConsentAnswer,
  CreateOrderRequest,
  InvoiceDetails,
  OrderDelivery,
} from '../../models/order.model.js';
import {
  DELIVERY_CODE_VALUES,
  DELIVERY_TYPES,
  KeyValueDto,
  PAYMENT_TYPES,
  PhoneNumberDto,
  PriceDto,
} from './common.dto.js';
import { NestedObject, NestedArray } from './nested.decorators.js';

/** The `order_details` of an order creation. */
export class CreateOrderDetailsDto implements CreateOrderDetails {
  @IsString()
  @IsNotEmpty()
  basket_id!: string;

  @IsString()
  @IsNotEmpty()
  currency!: string;

  @NestedObject(() => PriceDto)
  basket_price!: PriceDto;

  @IsIn(PAYMENT_TYPES)
  payment_type!: PaymentType;

  @IsOptional()
  @IsString()
  order_comments?: string;

  @IsOptional()
  @NestedArray(() => KeyValueDto)
  basket_additional_parameters?: KeyValueDto[];
}

/** The customer's postal address. */
export class ClientAddressDto implements ClientAddress {
  @IsString()
  country_code!: string;

  @IsString()
  address!: string;

  @IsString()
  city!: string;

  @IsString()
  postal_code!: string;

  @IsOptional()
  @IsObject()
  address_details?: Record<string, unknown>;
}

/** The customer's account facts. */
export class AccountInfoDto implements AccountInfo {
  @IsString()
  name!: string;

  @IsString()
  surname!: string;

  @NestedObject(() => PhoneNumberDto)
  phone_number!: PhoneNumberDto;

  @IsString()
  @IsNotEmpty()
  mail!: string;

  @NestedObject(() => ClientAddressDto)
  client_address!: ClientAddressDto;
}

/** Invoice details; extra fields InPost adds are kept. */
export class InvoiceDetailsDto implements InvoiceDetails {
  [field: string]: unknown;

  @IsIn(['PERSON', 'COMPANY'])
  legal_form!: 'PERSON' | 'COMPANY';

  @IsString()
  country_code!: string;

  @IsOptional()
  @IsString()
  tax_id_prefix?: string;

  @IsOptional()
  @IsString()
  tax_id?: string;

  @IsOptional()
  @IsString()
  company_name?: string;

  @IsOptional()
  @IsString()
  name?: string;

  @IsOptional()
  @IsString()
  surname?: string;

  @IsString()
  city!: string;

  @IsString()
  street!: string;

  @IsString()
  building!: string;

  @IsOptional()
  @IsString()
  flat?: string;

  @IsString()
  postal_code!: string;

  @IsOptional()
  @IsString()
  mail?: string;
}

/** An extra delivery service chosen with the delivery. */
export class DeliveryOptionExtraDto implements DeliveryOptionExtra {
  @IsString()
  delivery_name!: string;

  @IsIn(DELIVERY_CODE_VALUES)
  delivery_code_value!: DeliveryCodeValue;

  @NestedObject(() => PriceDto)
  delivery_option_price!: PriceDto;
}

/** The delivery chosen by the customer. */
export class OrderDeliveryDto implements OrderDelivery {
  @IsIn(DELIVERY_TYPES)
  delivery_type!: DeliveryType;

  @IsOptional()
  @IsArray()
  @IsIn(DELIVERY_CODE_VALUES, { each: true })
  delivery_codes?: DeliveryCodeValue[];

  @IsOptional()
  @IsString()
  mail?: string;

  @IsOptional()
  @NestedObject(() => PhoneNumberDto)
  phone_number?: PhoneNumberDto;

  @IsOptional()
  @IsString()
  delivery_point?: string;

  @IsOptional()
  @IsObject()
  delivery_address?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  courier_note?: string;

  @IsOptional()
  @IsString()
  digital_delivery_email?: string;

  @IsOptional()
  @IsISO8601()
  delivery_date?: string;

  @IsOptional()
  @NestedArray(() => DeliveryOptionExtraDto)
  delivery_options?: DeliveryOptionExtraDto[];

  @IsOptional()
  @NestedObject(() => PriceDto)
  delivery_price?: PriceDto;
}

/** A consent as the customer answered it. */
export class ConsentAnswerDto implements ConsentAnswer {
  @IsString()
  @IsNotEmpty()
  consent_id!: string;

  @IsString()
  consent_version!: string;

  @IsBoolean()
  is_accepted!: boolean;
}

/** Body of `POST /v1/izi/order`: InPost asks the merchant to create an order from the basket. */
export class CreateOrderDto implements CreateOrderRequest {
  @NestedObject(() => CreateOrderDetailsDto)
  order_details!: CreateOrderDetailsDto;

  @NestedObject(() => AccountInfoDto)
  account_info!: AccountInfoDto;

  @IsOptional()
  @NestedObject(() => InvoiceDetailsDto)
  invoice_details?: InvoiceDetailsDto;

  @NestedObject(() => OrderDeliveryDto)
  delivery!: OrderDeliveryDto;

  @IsOptional()
  @NestedArray(() => ConsentAnswerDto)
  consents?: ConsentAnswerDto[];
}
