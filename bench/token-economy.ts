import { InpostPayClient } from '../lib/index.js';
import { bootBenchApp } from './boot.js';
import { LocalInpost } from './local-inpost.js';

export interface TokenEconomyResult {
  coldStartCalls: number;
  coldStartTokenRequests: number;
  steadySeconds: number;
  tokenLifetimeSeconds: number;
  steadyCalls: number;
  steadyTokenRequests: number;
  steadyTokenRequestsAllowed: number;
  steadyUnauthorized: number;
}

/** 1 000 concurrent calls at a cold start, then steady load on short-lived tokens. */
export async function measureTokenEconomy(steadySeconds = 20, lifetimeSeconds = 5): Promise<TokenEconomyResult> {
  const inpost = new LocalInpost();
  inpost.lifetimeSeconds = lifetimeSeconds;
  await inpost.start();
  const app = await bootBenchApp(inpost);
  try {
    const client = app.get(InpostPayClient);
    await Promise.all(Array.from({ length: 1_000 }, () => client.getPaymentMethods()));
    const coldStartTokenRequests = inpost.counters.tokenRequests;
    inpost.resetCounters();
    const deadline = Date.now() + steadySeconds * 1000;
    let steadyCalls = 0;
    const worker = async () => {
      while (Date.now() < deadline) {
        await client.getPaymentMethods();
        steadyCalls += 1;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return {
      coldStartCalls: 1_000,
      coldStartTokenRequests,
      steadySeconds,
      tokenLifetimeSeconds: lifetimeSeconds,
      steadyCalls,
      steadyTokenRequests: inpost.counters.tokenRequests,
      steadyTokenRequestsAllowed: Math.floor(steadySeconds / (lifetimeSeconds / 2)) + 1,
      steadyUnauthorized: inpost.counters.unauthorized,
    };
  } finally {
    await app.close();
    await inpost.stop();
  }
}
