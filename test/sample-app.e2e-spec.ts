import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { AppModule } from '../sample-app/app.module.js';
import { runDemo } from '../sample-app/demo-flow.js';
import { EmbeddedEmulator } from '../sample-app/embedded-emulator.js';
import { CapturingLogger } from './support/capturing-logger.js';

/** Boots the sample app on port 0 with `logger`, runs `body` with it and its base URL, and closes it. */
async function withSampleApp(logger: CapturingLogger, body: (app: INestApplication, baseUrl: string) => Promise<void>): Promise<void> {
  const app = await NestFactory.create(AppModule, { rawBody: true, logger });
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    await body(app, `http://127.0.0.1:${port}`);
  } finally {
    await app.close();
  }
}

describe('sample app', () => {
  const savedEnv = { ...process.env };

  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('runs the whole purchase of `npm run demo` on the embedded emulator', async () => {
    const transcript: string[] = [];

    await runDemo((line) => transcript.push(line));

    expect(transcript.filter((line) => /^\d\. /.test(line)).map((line) => line.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    expect(transcript.join('\n')).toContain('a repeat returned the same order');
    expect(transcript.at(-1)).toBe('Token requests: 1. Purchase complete.');
  });

  it('starts on the embedded emulator and says so when no InPost credentials are configured', async () => {
    delete process.env.INPOST_PAY_CLIENT_ID;
    delete process.env.INPOST_PAY_CLIENT_SECRET;
    delete process.env.INPOST_PAY_USE_EMULATOR;
    process.env.ENV_FILE = 'no-such-file.env'; // a developer's own .env must not give this test credentials
    const logger = new CapturingLogger();

    await withSampleApp(logger, async (app) => {
      const emulator = app.get(EmbeddedEmulator).current;

      expect(emulator).toBeDefined();
      expect(logger.matching('warn', `using the embedded InPost Pay emulator at ${emulator!.baseUrl}`)).toHaveLength(1);
      expect(logger.text).not.toContain(emulator!.clientSecret);
    });
  });

  it('serves the bestseller feed and adds a product from the app, both signed calls verified by the guard', async () => {
    process.env.INPOST_PAY_USE_EMULATOR = 'true';
    await withSampleApp(new CapturingLogger(), async (app, baseUrl) => {
      const simulator = app.get(EmbeddedEmulator).current!.app(`${baseUrl}/inpost`);

      const feed = await simulator.getProductFeed({ page_index: 0, page_size: 2 });
      const chosen = await simulator.getProductFeed({ product_ids: 'BOOK-1' });
      const added = await simulator.addProduct('MUG-1');

      expect(feed.status).toBe(200);
      expect(feed.body).toMatchObject({ total_items: 3, page_index: 0, page_size: 2, content: [{ product_id: 'MUG-1' }, { product_id: 'TEE-1' }] });
      expect(chosen.body).toMatchObject({ total_items: 1, content: [{ product_id: 'BOOK-1', price: { gross: '49.00' } }] });
      expect(added.status).toBe(200);
      expect(added.body).toMatchObject({ basket_id: expect.any(String), products: [expect.objectContaining({ product_id: 'MUG-1' })] });
    });
  });

  it('pushes a change made in the shop cart to InPost with updateBasket', async () => {
    process.env.INPOST_PAY_USE_EMULATOR = 'true';
    await withSampleApp(new CapturingLogger(), async (app, baseUrl) => {
      const emulator = app.get(EmbeddedEmulator).current!;
      const shop = `${baseUrl}/shop`;
      const started = await fetch(`${shop}/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lines: [{ productId: 'MUG-1', quantity: 1 }] }),
      });
      const { basketId } = (await started.json()) as { basketId: string };

      const changed = await fetch(`${shop}/baskets/${basketId}/lines/TEE-1`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ quantity: 2 }),
      });

      expect(changed.status).toBe(204);
      const products = emulator.state.basket(basketId)!.basket.products ?? [];
      expect(products.map((product) => [product.product_id, product.quantity.quantity])).toEqual([
        ['MUG-1', 1],
        ['TEE-1', 2],
      ]);
    });
  });
});
