import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { InpostPayModule, type InpostPayEnvironment } from '../lib/index.js';
import { PaymentMethodsController } from './payment-methods.controller.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    ScheduleModule.forRoot(),
    InpostPayModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        clientId: config.get<string>('INPOST_PAY_CLIENT_ID', ''),
        clientSecret: config.get<string>('INPOST_PAY_CLIENT_SECRET', ''),
        environment: config.get<InpostPayEnvironment>('INPOST_PAY_ENVIRONMENT', 'sandbox'),
        tokenUrl: config.get<string>('INPOST_PAY_TOKEN_URL'),
        apiBaseUrl: config.get<string>('INPOST_PAY_API_BASE_URL'),
        transactionSecret: config.get<string>('INPOST_PAY_TRANSACTION_SECRET'),
      }),
    }),
  ],
  controllers: [PaymentMethodsController],
})
export class AppModule {}
