import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
} from 'class-validator';
import type {
  BasketEventRequest,
  BasketEventType,
  QuantityEventData,
  RelatedProductEventData,
} from '../../models/callback.model.js';
import { BasketEventQuantityDto, PhoneNumberDto, PromoCodeDto } from './common.dto.js';
import { NestedObject, NestedArray } from './nested.decorators.js';

/** One changed basket line of a `PRODUCTS_QUANTITY` event. */
export class QuantityEventDataDto implements QuantityEventData {
  @IsString()
  @IsNotEmpty()
  product_id!: string;

  @NestedObject(() => BasketEventQuantityDto)
  quantity!: BasketEventQuantityDto;
}

/** One related product added by a `RELATED_PRODUCTS` event. */
export class RelatedProductEventDataDto extends QuantityEventDataDto implements RelatedProductEventData {
  @IsOptional()
  @IsString()
  ean?: string;
}

/** Body of `POST /v1/izi/basket/{basket_id}/event`: the customer changed the basket in the app. */
export class BasketEventDto implements BasketEventRequest {
  @IsString()
  @IsNotEmpty()
  event_id!: string;

  @IsISO8601()
  event_data_time!: string;

  @IsIn(['PRODUCTS_QUANTITY', 'PROMO_CODES', 'RELATED_PRODUCTS'])
  event_type!: BasketEventType;

  @IsOptional()
  @NestedObject(() => PhoneNumberDto)
  phone_number?: PhoneNumberDto;

  @IsOptional()
  @NestedArray(() => QuantityEventDataDto)
  quantity_event_data?: QuantityEventDataDto[];

  @IsOptional()
  @NestedArray(() => PromoCodeDto)
  promo_codes_event_data?: PromoCodeDto[];

  @IsOptional()
  @NestedArray(() => RelatedProductEventDataDto)
  related_products_event_data?: RelatedProductEventDataDto[];
}
