import axios from 'axios';
import { Agent } from 'node:http';
import { InpostPayClient } from '../lib/index.js';
import { bootBenchApp } from './boot.js';
import { LocalInpost } from './local-inpost.js';
import { median, throughput } from './stats.js';

export interface ClientOverheadResult {
  calls: number;
  repetitions: number;
  moduleCallsPerSecond: number;
  bareAxiosCallsPerSecond: number;
  ratio: number;
  moduleRuns: number[];
  bareAxiosRuns: number[];
}

/**
 * `InpostPayClient.getPaymentMethods()` against a bare axios instance with a static bearer header
 * and the same kind of keep-alive agent, same server, in adjacent pairs of runs whose order
 * alternates; the ratio is the median of the pairs' ratios, which cancels the machine's drift.
 */
export async function measureClientOverhead(calls = 4_000, repetitions = 9, concurrency = 32): Promise<ClientOverheadResult> {
  const inpost = new LocalInpost();
  await inpost.start();
  const app = await bootBenchApp(inpost);
  const agent = new Agent({ keepAlive: true });
  try {
    const client = app.get(InpostPayClient);
    const bare = axios.create({
      baseURL: inpost.baseUrl,
      timeout: 10_000,
      httpAgent: agent,
      maxRedirects: 0,
      headers: { Accept: 'application/json', Authorization: 'Bearer static-bench-token' },
    });
    const viaModule = () => client.getPaymentMethods();
    const viaBare = () => bare.get('/v1/izi/payment-methods').then((response) => response.data);
    for (let warmup = 0; warmup < 3; warmup += 1) {
      await throughput(1_000, concurrency, viaModule);
      await throughput(1_000, concurrency, viaBare);
    }
    const moduleRuns: number[] = [];
    const bareRuns: number[] = [];
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      if (repetition % 2 === 0) {
        moduleRuns.push(await throughput(calls, concurrency, viaModule));
        bareRuns.push(await throughput(calls, concurrency, viaBare));
      } else {
        bareRuns.push(await throughput(calls, concurrency, viaBare));
        moduleRuns.push(await throughput(calls, concurrency, viaModule));
      }
    }
    const moduleCallsPerSecond = median(moduleRuns);
    const bareAxiosCallsPerSecond = median(bareRuns);
    return {
      calls,
      repetitions,
      moduleCallsPerSecond,
      bareAxiosCallsPerSecond,
      ratio: median(moduleRuns.map((run, index) => run / bareRuns[index]!)),
      moduleRuns: moduleRuns.map(Math.round),
      bareAxiosRuns: bareRuns.map(Math.round),
    };
  } finally {
    agent.destroy();
    await app.close();
    await inpost.stop();
  }
}
