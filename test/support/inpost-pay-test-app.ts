import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { InpostPayClient, InpostPayModule, InpostPayTokenService, type InpostPayModuleOptions } from '../../lib/index.js';
import { CapturingLogger } from './capturing-logger.js';
import { FakeApiServer } from './fake-api-server.js';
import { FakeTokenServer } from './fake-token-server.js';

/** A real Nest app listening on port 0 with the module, wired to a local token endpoint and API. */
export interface InpostPayTestBed {
  app: INestApplication;
  client: InpostPayClient;
  tokens: InpostPayTokenService;
  tokenServer: FakeTokenServer;
  apiServer: FakeApiServer;
  logger: CapturingLogger;
  close(): Promise<void>;
}

/** Boots a real Nest application importing `modules`, with every line it logs captured. */
export async function bootApp(
  modules: (DynamicModule | Promise<DynamicModule> | Type)[],
  logger = new CapturingLogger(),
): Promise<INestApplication> {
  @Module({ imports: modules })
  class TestAppModule {}
  const app = await NestFactory.create(TestAppModule, { logger, abortOnError: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

/** Starts the local servers and an app using them; `configure` may adjust servers and options first. */
export async function startTestBed(
  options: Partial<InpostPayModuleOptions> = {},
  configure: (tokenServer: FakeTokenServer) => void = () => undefined,
): Promise<InpostPayTestBed> {
  const tokenServer = new FakeTokenServer();
  configure(tokenServer);
  const apiServer = new FakeApiServer(tokenServer);
  const tokenUrl = await tokenServer.start();
  const apiBaseUrl = await apiServer.start();
  const logger = new CapturingLogger();
  const app = await bootApp(
    [
      ScheduleModule.forRoot(),
      InpostPayModule.forRoot({
        clientId: tokenServer.clientId,
        clientSecret: tokenServer.clientSecret,
        tokenUrl,
        apiBaseUrl,
        timeoutMs: 2_000,
        ...options,
      }),
    ],
    logger,
  );
  return {
    app,
    client: app.get(InpostPayClient),
    tokens: app.get(InpostPayTokenService),
    tokenServer,
    apiServer,
    logger,
    async close() {
      await app.close();
      await Promise.all([tokenServer.close(), apiServer.close()]);
    },
  };
}
