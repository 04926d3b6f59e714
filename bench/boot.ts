import { Module, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { InpostPayModule, type InpostPayModuleOptions } from '../lib/index.js';
import type { LocalInpost } from './local-inpost.js';

/** A Nest app with the module pointed at the local stand-in, and the given controllers. */
export async function bootBenchApp(
  inpost: LocalInpost,
  extra: Partial<InpostPayModuleOptions> = {},
  controllers: Type[] = [],
): Promise<INestApplication> {
  @Module({
    imports: [
      ScheduleModule.forRoot(),
      InpostPayModule.forRoot({
        clientId: 'bench-client',
        clientSecret: 'bench-secret',
        tokenUrl: `${inpost.baseUrl}/token`,
        apiBaseUrl: inpost.baseUrl,
        ...extra,
      }),
    ],
    controllers,
  })
  class BenchAppModule {}
  const app = await NestFactory.create(BenchAppModule, { rawBody: true, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return app;
}
