export { InpostPayModule } from './inpost-pay.module.js';
export type {
  InpostPayModuleAsyncOptions,
  InpostPayModuleExtras,
  InpostPayModuleRootOptions,
} from './inpost-pay.module-definition.js';
export type { InpostPayModuleOptions, InpostPayTokenRefreshOptions } from './inpost-pay.options.js';
export { INPOST_PAY_ENVIRONMENTS, type InpostPayEnvironment } from './inpost-pay.constants.js';
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
