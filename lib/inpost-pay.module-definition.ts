import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { InpostPayModuleOptions } from './inpost-pay.options.js';

/** Extra registration settings beside the options. */
export interface InpostPayModuleExtras {
  /** Register the module globally, so feature modules can inject the client without importing it. Default false. */
  isGlobal?: boolean;
}

export const {
  ConfigurableModuleClass: InpostPayConfigurableModule,
  MODULE_OPTIONS_TOKEN: INPOST_PAY_MODULE_OPTIONS,
  OPTIONS_TYPE: INPOST_PAY_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: INPOST_PAY_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<InpostPayModuleOptions>({ moduleName: 'InpostPay' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createInpostPayOptions')
  .setExtras<InpostPayModuleExtras>({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();

/** Options of `InpostPayModule.forRoot()`: the module options plus `isGlobal`. */
export type InpostPayModuleRootOptions = typeof INPOST_PAY_OPTIONS_TYPE;

/** Options of `InpostPayModule.forRootAsync()`: `imports`, `inject`, `useFactory` | `useClass` | `useExisting`, `isGlobal`. */
export type InpostPayModuleAsyncOptions = typeof INPOST_PAY_ASYNC_OPTIONS_TYPE;
