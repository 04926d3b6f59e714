import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { InpostPayBodyParseErrorFilter } from '../lib/index.js';
import { AppModule } from './app.module.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { rawBody: true });
  app.useGlobalFilters(new InpostPayBodyParseErrorFilter(app.get(HttpAdapterHost).httpAdapter));
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  Logger.log(`Sample merchant backend on http://localhost:${port} (InPost callbacks under /inpost)`, 'SampleApp');
}

void bootstrap();
