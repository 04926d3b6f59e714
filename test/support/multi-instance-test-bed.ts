import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import type { AddressInfo } from 'node:net';
import { filter, firstValueFrom, skip } from 'rxjs';
import {
  InpostPayClient,
  InpostPayEvents,
  InpostPayHealthIndicator,
  InpostPayModule,
  type InpostPayEvent,
  type InpostPayModuleOptions,
  type InpostPayStoreOptions,
} from '../../lib/index.js';
import { callbackController, serveSigningKeys, type HandlerLog } from './callback-test-app.js';
import { CapturingLogger } from './capturing-logger.js';
import { FakeApiServer } from './fake-api-server.js';
import { FakeTokenServer } from './fake-token-server.js';
import { InpostSigner } from './inpost-signer.js';

/** One InPost (token endpoint, API, signing key) that every merchant instance of a test talks to. */
export class SharedInpost {
  readonly signer = new InpostSigner();
  readonly tokenServer = new FakeTokenServer();
  readonly apiServer = new FakeApiServer(this.tokenServer);
  tokenUrl = '';
  apiBaseUrl = '';

  async start(): Promise<this> {
    serveSigningKeys(this.apiServer, this.signer);
    this.tokenUrl = await this.tokenServer.start();
    this.apiBaseUrl = await this.apiServer.start();
    return this;
  }

  /** How many times any instance fetched a signing key from the API. */
  signingKeyFetches(): number {
    return this.apiServer.requests.filter((request) => request.path.startsWith('/v1/izi/signing-keys/public/')).length;
  }

  close(): Promise<void> {
    return Promise.all([this.tokenServer.close(), this.apiServer.close()]).then(() => undefined);
  }
}

/** One instance of the merchant's app: a real Nest app on port 0 with the module and the callback routes. */
export interface MerchantInstance {
  app: INestApplication;
  port: number;
  ran: HandlerLog;
  logger: CapturingLogger;
  client: InpostPayClient;
  health: InpostPayHealthIndicator;
  /** Every monitoring event this instance emitted. */
  events: InpostPayEvent[];
  /** Resolves with the `count`-th `token.refreshed` event of this instance. */
  refreshed(count: number): Promise<InpostPayEvent>;
}

/** Boots one merchant instance against `inpost`, keeping shared state in `store`. */
export async function startMerchantInstance(
  inpost: SharedInpost,
  store: InpostPayStoreOptions,
  extra: Partial<InpostPayModuleOptions> = {},
): Promise<MerchantInstance> {
  const ran: HandlerLog = [];

  @Module({
    imports: [
      ScheduleModule.forRoot(),
      InpostPayModule.forRoot({
        clientId: inpost.tokenServer.clientId,
        clientSecret: inpost.tokenServer.clientSecret,
        tokenUrl: inpost.tokenUrl,
        apiBaseUrl: inpost.apiBaseUrl,
        timeoutMs: 10_000,
        store,
        callbacks: { allowedIps: ['127.0.0.1'] },
        ...extra,
      }),
    ],
    controllers: [callbackController(ran)],
  })
  class MerchantAppModule {}

  const logger = new CapturingLogger();
  const app = await NestFactory.create(MerchantAppModule, { rawBody: true, logger });
  const events: InpostPayEvent[] = [];
  const events$ = app.get(InpostPayEvents).events$;
  events$.subscribe((event) => events.push(event));
  const refreshed = (count: number): Promise<InpostPayEvent> => {
    const seen = events.filter((event) => event.type === 'token.refreshed');
    if (seen.length >= count) return Promise.resolve(seen[count - 1]!);
    return firstValueFrom(events$.pipe(filter((event) => event.type === 'token.refreshed'), skip(count - 1 - seen.length)));
  };
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, port, ran, logger, client: app.get(InpostPayClient), health: app.get(InpostPayHealthIndicator), events, refreshed };
}
