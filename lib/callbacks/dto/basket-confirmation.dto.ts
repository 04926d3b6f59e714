import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, ValidateIf } from 'class-validator';
import type {
  BasketConfirmationBrowser,
  BasketConfirmationRequest,
  BasketConfirmationStatus,
} from '../../models/callback.model.js';
import { PhoneNumberDto } from './common.dto.js';
import { NestedObject } from './nested.decorators.js';

/** Browser facts of a basket confirmation. */
export class BasketConfirmationBrowserDto implements BasketConfirmationBrowser {
  @IsBoolean()
  browser_trusted!: boolean;

  @IsOptional()
  @IsString()
  browser_id?: string;
}

/**
 * Customer fields are required when linking succeeded and checked only when present on a
 * rejection (the reference does not say whether a REJECT carries them).
 */
const RequiredOnSuccess = () =>
  ValidateIf((dto: { status?: unknown }, value: unknown) => dto.status === 'SUCCESS' || value !== undefined);

/** Body of `POST /v1/izi/basket/{basket_id}/confirmation`: the customer accepted or rejected linking. */
export class BasketConfirmationDto implements BasketConfirmationRequest {
  @IsIn(['SUCCESS', 'REJECT'])
  status!: BasketConfirmationStatus;

  @IsString()
  @IsNotEmpty()
  inpost_basket_id!: string;

  @RequiredOnSuccess()
  @NestedObject(() => PhoneNumberDto)
  phone_number!: PhoneNumberDto;

  @RequiredOnSuccess()
  @NestedObject(() => BasketConfirmationBrowserDto)
  browser!: BasketConfirmationBrowserDto;

  @RequiredOnSuccess()
  @IsString()
  masked_phone_number!: string;

  @RequiredOnSuccess()
  @IsString()
  name!: string;

  @RequiredOnSuccess()
  @IsString()
  surname!: string;
}
