import { IsIn, IsInt, IsISO8601, IsOptional, IsString } from 'class-validator';
import type {
  TransactionWebhookAmount,
  TransactionWebhookEvent,
  TransactionWebhookEventData,
  TransactionWebhookEventType,
  TransactionWebhookPayment,
} from '../../models/callback.model.js';
import { IsMoney } from './common.dto.js';
import { NestedObject } from './nested.decorators.js';

/** Amount of a transaction webhook: `valueInCents` (API v2) or `value` (v1). */
export class TransactionWebhookAmountDto implements TransactionWebhookAmount {
  @IsOptional()
  @IsInt()
  valueInCents?: number | null;

  @IsOptional()
  @IsMoney()
  value?: number | string | null;

  @IsString()
  currency!: string;
}

/** Payment a transaction webhook refers to. */
export class TransactionWebhookPaymentDto implements TransactionWebhookPayment {
  @IsOptional()
  @IsString()
  id?: string | null;

  @IsOptional()
  @IsString()
  method?: string | null;

  @IsOptional()
  @IsString()
  reference?: string | null;
}

/** Data of a transaction webhook; every field is optional and may be `null`. */
export class TransactionWebhookEventDataDto implements TransactionWebhookEventData {
  @IsOptional()
  @IsString()
  operationId?: string | null;

  @IsOptional()
  @IsString()
  merchantId?: string | null;

  @IsOptional()
  @IsString()
  orderReference?: string | null;

  @IsOptional()
  @IsString()
  refundReference?: string | null;

  @IsOptional()
  @IsString()
  settlementId?: string | null;

  @IsOptional()
  @IsString()
  transferReference?: string | null;

  @IsOptional()
  @IsString()
  status?: string | null;

  @IsOptional()
  @NestedObject(() => TransactionWebhookAmountDto)
  amount?: TransactionWebhookAmountDto | null;

  @IsOptional()
  @NestedObject(() => TransactionWebhookPaymentDto)
  payment?: TransactionWebhookPaymentDto | null;

  @IsOptional()
  @IsISO8601()
  eventDateTime?: string | null;

  @IsOptional()
  @IsISO8601()
  createdDate?: string | null;
}

/** Body of a transaction webhook (`POST /events`). */
export class TransactionWebhookDto implements TransactionWebhookEvent {
  @IsIn(['PAYMENT_AUTHORIZED', 'PAYMENT_DECLINED', 'REFUND', 'REFUND_DECLINED', 'SETTLEMENT'])
  eventType!: TransactionWebhookEventType;

  @NestedObject(() => TransactionWebhookEventDataDto)
  eventData!: TransactionWebhookEventDataDto;
}
