import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { AppModule } from '../sample-app/app.module.js';
import { CapturingLogger } from './support/capturing-logger.js';
import { FakeApiServer } from './support/fake-api-server.js';
import { FakeTokenServer } from './support/fake-token-server.js';

describe('sample app', () => {
  const tokenServer = new FakeTokenServer();
  const apiServer = new FakeApiServer(tokenServer);
  const savedEnv = { ...process.env };
  let app: INestApplication;

  beforeAll(async () => {
    Object.assign(process.env, {
      INPOST_PAY_CLIENT_ID: tokenServer.clientId,
      INPOST_PAY_CLIENT_SECRET: tokenServer.clientSecret,
      INPOST_PAY_TOKEN_URL: await tokenServer.start(),
      INPOST_PAY_API_BASE_URL: await apiServer.start(),
    });
    app = await NestFactory.create(AppModule, { logger: new CapturingLogger() });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    await Promise.all([tokenServer.close(), apiServer.close()]);
    process.env = savedEnv;
  });

  it('serves the merchant route through InpostPayClient, configured from the environment', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;

    const response = await fetch(`http://127.0.0.1:${port}/inpost-pay/payment-methods`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ payment_type: ['CARD', 'BLIK_CODE'] });
    expect(tokenServer.requests).toHaveLength(1);
  });
});
