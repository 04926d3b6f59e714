import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import type { AddProductRequest } from '../../models/callback.model.js';
import { PhoneNumberDto } from './common.dto.js';
import { NestedObject } from './nested.decorators.js';

/** Body of `POST /v1/izi/basket/product/{product_id}`: add a product from the app; no `basket_id` means a new basket. */
export class AddProductDto implements AddProductRequest {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  basket_id?: string;

  @IsOptional()
  @NestedObject(() => PhoneNumberDto)
  phone_number?: PhoneNumberDto;
}
