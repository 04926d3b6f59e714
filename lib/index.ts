export { InpostPayModule } from './inpost-pay.module.js';
export type {
  InpostPayModuleAsyncOptions,
  InpostPayModuleExtras,
  InpostPayModuleRootOptions,
} from './inpost-pay.module-definition.js';
export type { InpostPayModuleOptions, InpostPayTokenRefreshOptions } from './inpost-pay.options.js';
export { INPOST_PAY_ENVIRONMENTS, INPOST_PAY_PROXY_IPS, type InpostPayEnvironment } from './inpost-pay.constants.js';
export type { InpostPayCallbackOptions } from './callbacks/callback.options.js';
export { InpostPayCallback } from './callbacks/inpost-pay-callback.decorator.js';
export { InpostPayWebhook } from './callbacks/inpost-pay-webhook.decorator.js';
export { InpostPayIpGuard } from './callbacks/inpost-pay-ip.guard.js';
export { InpostPaySignatureGuard } from './callbacks/inpost-pay-signature.guard.js';
export { InpostPayWebhookGuard } from './callbacks/inpost-pay-webhook.guard.js';
export { InpostPayCallbackException } from './callbacks/inpost-pay-callback.exception.js';
export { InpostPayCallbackExceptionFilter } from './callbacks/inpost-pay-callback-exception.filter.js';
export type { InpostPayReplayStore } from './callbacks/replay-store.js';
export type { InpostPayRedisClient } from './store/redis-store.js';
export type { InpostPayStoreStatus } from './store/inpost-pay-store.host.js';
export type {
  InpostPayMemoryStoreOptions,
  InpostPayRedisStoreOptions,
  InpostPayStoreOptions,
} from './store/store.options.js';
export { InpostPayEvents } from './events/inpost-pay-events.js';
export {
  INPOST_PAY_EVENT_NAMES,
  type ApiCallFinishedEvent,
  type ApiCallOutcome,
  type CallbackRejectedEvent,
  type CallbackRejectionReason,
  type InpostPayEvent,
  type TokenRefreshedEvent,
  type TokenRefreshFailedEvent,
} from './events/inpost-pay-event.model.js';
export { InpostPayHealthIndicator, type InpostPayHealthDetails, type InpostPayHealthResult } from './health/inpost-pay.health-indicator.js';
export { InpostPayBodyParseErrorFilter } from './callbacks/inpost-pay-body-parse-error.filter.js';
export {
  AccountInfoDto,
  AddProductDto,
  BasketConfirmationBrowserDto,
  BasketConfirmationDto,
  BasketEventDto,
  BasketEventQuantityDto,
  ClientAddressDto,
  ConsentAnswerDto,
  CreateOrderDetailsDto,
  CreateOrderDto,
  DeliveryOptionExtraDto,
  InvoiceDetailsDto,
  IsMoney,
  KeyValueDto,
  OrderDeliveryDto,
  OrderEventCallbackDataDto,
  OrderEventCallbackDto,
  PhoneNumberDto,
  PriceDto,
  PromoCodeDto,
  QuantityEventDataDto,
  RelatedProductEventDataDto,
  TransactionWebhookAmountDto,
  TransactionWebhookDto,
  TransactionWebhookEventDataDto,
  TransactionWebhookPaymentDto,
} from './callbacks/dto/index.js';
export type {
  AddProductRequest,
  AddProductResponse,
  BasketConfirmationBrowser,
  BasketConfirmationRequest,
  BasketConfirmationResponse,
  BasketConfirmationStatus,
  BasketEventQuantity,
  BasketEventRequest,
  BasketEventResponse,
  BasketEventType,
  CreateOrderDetails,
  CreateOrderResponse,
  OrderEventCallbackData,
  OrderEventCallbackRequest,
  OrderEventCallbackResponse,
  ProductFeedQuery,
  ProductFeedResponse,
  QuantityEventData,
  RelatedProductEventData,
  TransactionWebhookAmount,
  TransactionWebhookEvent,
  TransactionWebhookEventData,
  TransactionWebhookEventType,
  TransactionWebhookPayment,
} from './models/callback.model.js';
export { InpostPayTokenService } from './auth/inpost-pay-token.service.js';
export { InpostPayClient, type BrowserIdOptions, type DeleteBasketBindingOptions } from './http/inpost-pay.client.js';
export { InpostPayException } from './errors/inpost-pay.exception.js';
export {
  InpostPayEndpointException,
  type InpostPayEndpointExceptionDetails,
  type InpostPayEndpointFailure,
} from './errors/inpost-pay-endpoint.exception.js';
export {
  InpostPayApiException,
  InpostPayNetworkException,
  InpostPayTimeoutException,
  type InpostPayRequestTarget,
} from './errors/inpost-pay-api.exception.js';
export { InpostPayConfigurationError } from './errors/inpost-pay-configuration.error.js';
export type {
  BindingPlace,
  DeliveryCodeValue,
  DeliveryType,
  InpostPayErrorBody,
  IsoDateTime,
  KeyValue,
  OrderStatus,
  PageInfo,
  PageQuery,
  PaymentStatus,
  PaymentType,
  PhoneNumber,
  Price,
} from './models/common.model.js';
export type {
  Basket,
  BasketBindingKey,
  BasketBindingRequestV1,
  BasketBindingStatus,
  BasketList,
  BasketListQuery,
  BasketNotice,
  BasketProduct,
  BasketSummary,
  BasketUpdateResult,
  BindingBrowser,
  Consent,
  DeliveryOption,
  DeliveryOptionExtra,
  ProductAttribute,
  ProductDelivery,
  ProductImages,
  ProductQuantity,
  ProductVariant,
  PromoCode,
  PromotionAvailable,
} from './models/basket.model.js';
export type {
  AccountInfo,
  ClientAddress,
  ConsentAnswer,
  CreateOrderRequest,
  InvoiceDetails,
  Order,
  OrderDelivery,
  OrderDetails,
  OrderEventRequest,
  OrderList,
  OrderListQuery,
} from './models/order.model.js';
export type { PaymentMethods } from './models/payment-methods.model.js';
export type { SigningKey, SigningKeys, SigningPublicKey } from './models/signing-key.model.js';
export type { CreatedProduct, CreatedProducts, HotProduct, ProductList, ProductListQuery } from './models/product.model.js';
export type {
  RefundOptions,
  RefundRequest,
  RefundResult,
  TransactionList,
  TransactionListQuery,
  TransactionStatus,
} from './models/transaction.model.js';
