import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { InpostPayModule } from '../lib/index.js';
import { BasketsService } from './baskets.service.js';
import { CheckoutService } from './checkout.service.js';
import { EmbeddedEmulator, EmbeddedEmulatorModule } from './embedded-emulator.js';
import { InpostPayCallbacksController } from './inpost-pay-callbacks.controller.js';
import { inpostPayOptionsFactory } from './inpost-pay-options.factory.js';
import { OrdersService } from './orders.service.js';
import { ShopController } from './shop.controller.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, envFilePath: process.env.ENV_FILE ?? '.env' }),
    ScheduleModule.forRoot(),
    EmbeddedEmulatorModule,
    InpostPayModule.forRootAsync({
      imports: [EmbeddedEmulatorModule],
      inject: [ConfigService, EmbeddedEmulator],
      useFactory: inpostPayOptionsFactory,
    }),
  ],
  controllers: [InpostPayCallbacksController, ShopController],
  providers: [BasketsService, OrdersService, CheckoutService],
})
export class AppModule {}
