import { Controller, Get, Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEmitterModule, OnEvent } from '@nestjs/event-emitter';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import type { AddressInfo } from 'node:net';
import {
  INPOST_PAY_EVENT_NAMES,
  InpostPayClient,
  InpostPayHealthIndicator,
  InpostPayModule,
  type CallbackRejectedEvent,
  type InpostPayEvent,
} from '../lib/index.js';
import { callbackController, type AdapterKind, type HandlerLog } from './support/callback-test-app.js';
import { CapturingLogger } from './support/capturing-logger.js';
import { SharedInpost } from './support/multi-instance-test-bed.js';
import { sendRequest } from './support/send-request.js';

/** Collects the module's events as a merchant's listener would, through `@nestjs/event-emitter`. */
@Injectable()
class EventCollector {
  readonly received: InpostPayEvent[] = [];

  @OnEvent(INPOST_PAY_EVENT_NAMES.tokenRefreshed)
  @OnEvent(INPOST_PAY_EVENT_NAMES.tokenRefreshFailed)
  @OnEvent(INPOST_PAY_EVENT_NAMES.callbackRejected)
  @OnEvent(INPOST_PAY_EVENT_NAMES.apiCallFinished)
  record(event: InpostPayEvent): void {
    this.received.push(event);
  }

  ofType<T extends InpostPayEvent['type']>(type: T): Extract<InpostPayEvent, { type: T }>[] {
    return this.received.filter((event): event is Extract<InpostPayEvent, { type: T }> => event.type === type);
  }
}

@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly inpostPay: InpostPayHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.inpostPay.isHealthy('inpost_pay')]);
  }
}

interface MonitoredApp {
  app: INestApplication;
  port: number;
  ran: HandlerLog;
  collector: EventCollector;
  logger: CapturingLogger;
}

async function startMonitoredApp(adapter: AdapterKind, inpost: SharedInpost): Promise<MonitoredApp> {
  const ran: HandlerLog = [];

  @Module({
    imports: [
      ScheduleModule.forRoot(),
      EventEmitterModule.forRoot(),
      TerminusModule,
      InpostPayModule.forRoot({
        clientId: inpost.tokenServer.clientId,
        clientSecret: inpost.tokenServer.clientSecret,
        tokenUrl: inpost.tokenUrl,
        apiBaseUrl: inpost.apiBaseUrl,
        tokenRefresh: { retryBaseDelayMs: 50, retryMaxDelayMs: 100 },
        callbacks: { allowedIps: ['127.0.0.1'] },
      }),
    ],
    controllers: [callbackController(ran), HealthController],
    providers: [EventCollector],
  })
  class MonitoredAppModule {}

  const logger = new CapturingLogger();
  const app =
    adapter === 'express'
      ? await NestFactory.create(MonitoredAppModule, { rawBody: true, logger })
      : await NestFactory.create(MonitoredAppModule, new FastifyAdapter(), { rawBody: true, logger });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, port, ran, collector: app.get(EventCollector), logger };
}

describe.each<AdapterKind>(['express', 'fastify'])('monitoring on %s', (adapter) => {
  let inpost: SharedInpost;
  let target: MonitoredApp;

  beforeEach(async () => {
    inpost = await new SharedInpost().start();
    target = await startMonitoredApp(adapter, inpost);
  });

  afterEach(async () => {
    await target.app.close();
    await inpost.close();
  });

  it('reports up on the terminus health check while a token is held and the signing keys answer', async () => {
    const response = await sendRequest(target.port, { path: '/health' });

    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', info: { inpost_pay: { status: 'up', store: 'memory' } } });
  });

  it('reports down with the reason, and no secret, when InPost rejects the credentials', async () => {
    inpost.tokenServer.mode = { kind: 'status', status: 401, body: { error: 'invalid_client', error_description: 'Invalid client secret' } };

    const response = await sendRequest(target.port, { path: '/health' });

    expect(response.status).toBe(503);
    const reason = (response.json() as { error: { inpost_pay: { status: string; reason: string } } }).error.inpost_pay;
    expect(reason.status).toBe('down');
    expect(reason.reason).toContain('no access token');
    expect(reason.reason).toContain('invalid_client');
    expect(response.body).not.toContain(inpost.tokenServer.clientSecret);
    const failures = target.collector.ofType('token.refresh_failed');
    expect(failures[0]).toMatchObject({ failure: 'http', status: 401, error: 'invalid_client', tokenStillUsable: false });
  });

  it('reports down when the signing keys cannot be fetched although a token is held', async () => {
    inpost.apiServer.script = () => ({ status: 503, body: { error_code: 'SERVICE_UNAVAILABLE', error_message: 'down' } });

    const response = await sendRequest(target.port, { path: '/health' });

    expect(response.status).toBe(503);
    expect(response.body).toContain('signing keys unreachable');
    expect(response.body).not.toContain(inpost.tokenServer.issued[0]!.token);
  });

  it('emits callback.rejected with the reason kind and the route template for ip, signature, replay and validation', async () => {
    const body = JSON.stringify({ event_id: 'e', event_data_time: '2023-09-20T13:27:25.760Z', event_type: 'PRODUCTS_QUANTITY' });
    const invalid = JSON.stringify({ event_id: 'e', event_data_time: '2023-09-20T13:27:25.760Z', event_type: 'NO_SUCH_TYPE' });
    const path = '/inpost/v1/izi/basket/B-9/event';
    const signed = inpost.signer.headers(body);

    const answers = [
      await sendRequest(target.port, { path, body, headers: inpost.signer.headers(body), localAddress: '127.0.0.3' }),
      await sendRequest(target.port, { path, body, headers: { ...signed, 'x-signature': inpost.signer.headers('other')['x-signature']! } }),
      await sendRequest(target.port, { path, body, headers: signed }),
      await sendRequest(target.port, { path, body, headers: signed }),
      await sendRequest(target.port, { path, body: invalid, headers: inpost.signer.headers(invalid) }),
    ];

    expect(answers.map((answer) => answer.status)).toEqual([403, 401, 200, 401, 400]);
    expect(target.ran).toEqual(['basketEvent:PRODUCTS_QUANTITY']);
    const rejected = target.collector.ofType('callback.rejected');
    expect(rejected.map((event) => event.reason)).toEqual(['ip', 'signature', 'replay', 'validation']);
    expect(rejected[0]).toEqual<CallbackRejectedEvent>({
      type: 'callback.rejected',
      reason: 'ip',
      status: 403,
      errorCode: 'FORBIDDEN',
      method: 'POST',
      route: '/inpost/v1/izi/basket/:basketId/event',
    });
    expect(JSON.stringify(rejected)).not.toContain('B-9');
  });

  it('emits api.call_finished with the path template, status and duration, and token.refreshed without the token', async () => {
    const client = target.app.get(InpostPayClient);
    inpost.apiServer.script = (request) =>
      request.path.endsWith('/missing/binding') ? { status: 404, body: { error_code: 'BASKET_NOT_FOUND', error_message: 'gone' } } : undefined;

    await client.getBasketBinding('B 1');
    await expect(client.getBasketBinding('missing')).rejects.toMatchObject({ status: 404 });

    const calls = target.collector.ofType('api.call_finished').filter((event) => event.path.includes('basket'));
    expect(calls).toEqual([
      expect.objectContaining({ method: 'GET', path: '/v1/izi/basket/{basket_id}/binding', status: 200, outcome: 'response' }),
      expect.objectContaining({ method: 'GET', path: '/v1/izi/basket/{basket_id}/binding', status: 404, outcome: 'response' }),
    ]);
    expect(calls.every((event) => event.durationMs >= 0 && event.durationMs < 10_000)).toBe(true);
    const refreshed = target.collector.ofType('token.refreshed');
    expect(refreshed).toEqual([{ type: 'token.refreshed', source: 'endpoint', lifetimeMs: 300_000 }]);
    expect(JSON.stringify(target.collector.received)).not.toContain(inpost.tokenServer.issued[0]!.token);
  });
});
