/**
 * `nestjs-inpost-pay/testing`: an embedded InPost Pay emulator for end-to-end tests and demos.
 * No Nest inside; import it from tests only.
 */
export { InpostPayEmulator, type InpostPayEmulatorModuleOptions, type InpostPayEmulatorSigningKey } from './emulator.js';
export type { InpostPayEmulatorOptions } from './emulator-options.js';
export type { ApiFault, InpostPayEmulatorFaults, TokenEndpointFault } from './faults.js';
export { InpostPayAppSimulator, type InpostPayAppSimulatorOptions, type SimulatorAnswer } from './app-simulator.js';
export type { CreateOrderOverrides } from './simulator-payloads.js';
export type {
  BindingClient,
  BindingRecord,
  EmulatorStateView,
  OrderRecord,
  RefundRecord,
  StoredBasket,
  TransactionRecord,
} from './emulator-state.js';
export { INPOST_PAY_EMULATOR_ROUTES } from './api-routes.js';
