export { AddProductDto } from './add-product.dto.js';
export { BasketConfirmationBrowserDto, BasketConfirmationDto } from './basket-confirmation.dto.js';
export { BasketEventDto, QuantityEventDataDto, RelatedProductEventDataDto } from './basket-event.dto.js';
export {
  BasketEventQuantityDto,
  IsMoney,
  isMoney,
  KeyValueDto,
  PhoneNumberDto,
  PriceDto,
  PromoCodeDto,
} from './common.dto.js';
export {
  AccountInfoDto,
  ClientAddressDto,
  ConsentAnswerDto,
  CreateOrderDetailsDto,
  CreateOrderDto,
  DeliveryOptionExtraDto,
  InvoiceDetailsDto,
  OrderDeliveryDto,
} from './create-order.dto.js';
export { OrderEventCallbackDataDto, OrderEventCallbackDto } from './order-event.dto.js';
export {
  TransactionWebhookAmountDto,
  TransactionWebhookDto,
  TransactionWebhookEventDataDto,
  TransactionWebhookPaymentDto,
} from './transaction-webhook.dto.js';
