import { Controller, HttpCode, Post, UseFilters, UseGuards, type INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { InpostPayCallback, InpostPayCallbackExceptionFilter, InpostPayIpGuard } from '../lib/index.js';
import { InpostSigner } from '../test/support/inpost-signer.js';
import { bootBenchApp } from './boot.js';
import { LocalInpost } from './local-inpost.js';

@Controller('bench')
class BenchCallbacksController {
  @Post('plain')
  @HttpCode(200)
  plain() {
    return { ok: true };
  }

  @Post('ip')
  @HttpCode(200)
  @UseGuards(InpostPayIpGuard)
  @UseFilters(InpostPayCallbackExceptionFilter)
  ipOnly() {
    return { ok: true };
  }

  @Post('signed')
  @HttpCode(200)
  @InpostPayCallback()
  signed() {
    return { ok: true };
  }
}

/** A callback-sized body: an order event as InPost sends it. */
export const CALLBACK_BODY = JSON.stringify({
  event_id: 'ev-bench-1',
  event_data_time: '2026-12-03T10:00:00.000Z',
  phone_number: { country_prefix: '+48', phone: '600000000' },
  event_data: { payment_status: 'AUTHORIZED', order_status: 'ORDER_PROCESSING', payment_id: 'pay-1', payment_reference: 'ref-1', payment_type: 'BLIK_CODE' },
});

/** The app serving the same handler undecorated, behind the IP guard, and behind both guards. */
export interface CallbackBench {
  url: string;
  signer: InpostSigner;
  /** Headers of one signature of `CALLBACK_BODY`, reusable because the bench replay store accepts repeats. */
  signedHeaders: Record<string, string>;
  app: INestApplication;
  close(): Promise<void>;
}

/**
 * Boots the callback bench app. Replays are accepted (a store that always says "first sight")
 * and the timestamp window is an hour, so one pre-signed request can be repeated: what is
 * measured is the IP check, key lookup, hash, digest and RSA verification on every request.
 */
export async function startCallbackBench(): Promise<CallbackBench> {
  const signer = new InpostSigner();
  const inpost = new LocalInpost(signer);
  await inpost.start();
  const app = await bootBenchApp(
    inpost,
    {
      callbacks: {
        allowedIps: ['127.0.0.1', '::1'],
        replayStore: { markSeen: async () => true },
        timestampToleranceSeconds: 3600,
      },
    },
    [BenchCallbacksController],
  );
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bench`,
    signer,
    signedHeaders: { 'content-type': 'application/json', ...signer.headers(CALLBACK_BODY) },
    app,
    async close() {
      await app.close();
      await inpost.stop();
    },
  };
}
