import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import type { OrderEventCallbackData, OrderEventCallbackRequest } from '../../models/callback.model.js';
import type { OrderStatus, PaymentStatus, PaymentType } from '../../models/common.model.js';
import { ORDER_STATUSES, PAYMENT_STATUSES, PAYMENT_TYPES, PhoneNumberDto } from './common.dto.js';
import { NestedObject } from './nested.decorators.js';

/** What changed in the order. */
export class OrderEventCallbackDataDto implements OrderEventCallbackData {
  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  payment_status?: PaymentStatus;

  @IsOptional()
  @IsIn(ORDER_STATUSES)
  order_status?: OrderStatus;

  @IsOptional()
  @IsString()
  payment_id?: string;

  @IsOptional()
  @IsString()
  payment_reference?: string;

  @IsOptional()
  @IsIn(PAYMENT_TYPES)
  payment_type?: PaymentType;
}

/** Body of InPost's `POST /v1/izi/order/{order_id}/event` callback: a payment or status update. */
export class OrderEventCallbackDto implements OrderEventCallbackRequest {
  @IsString()
  @IsNotEmpty()
  event_id!: string;

  @IsISO8601()
  event_data_time!: string;

  @IsOptional()
  @NestedObject(() => PhoneNumberDto)
  phone_number?: PhoneNumberDto;

  @NestedObject(() => OrderEventCallbackDataDto)
  event_data!: OrderEventCallbackDataDto;
}
