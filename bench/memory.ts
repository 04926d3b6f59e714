import autocannon from 'autocannon';
import { InpostPayClient } from '../lib/index.js';
import { bootBenchApp } from './boot.js';
import { CALLBACK_BODY, startCallbackBench } from './callback-app.js';
import { LocalInpost } from './local-inpost.js';
import { heapUsedMiB, throughput } from './stats.js';

export interface MemoryResult {
  clientHeapMiBAfter10k: number;
  clientHeapMiBAfter100k: number;
  callbackHeapMiBAfter10k: number;
  callbackHeapMiBAfter100k: number;
}

/** Heap used (after a full GC) after 10 000 and after 100 000 client calls and callback requests. */
export async function measureMemory(): Promise<MemoryResult> {
  const inpost = new LocalInpost();
  await inpost.start();
  const app = await bootBenchApp(inpost);
  let clientHeapMiBAfter10k: number;
  let clientHeapMiBAfter100k: number;
  try {
    const client = app.get(InpostPayClient);
    await throughput(10_000, 32, () => client.getPaymentMethods());
    clientHeapMiBAfter10k = heapUsedMiB();
    await throughput(90_000, 32, () => client.getPaymentMethods());
    clientHeapMiBAfter100k = heapUsedMiB();
  } finally {
    await app.close();
    await inpost.stop();
  }

  const bench = await startCallbackBench();
  try {
    const fire = async (amount: number) => {
      const result = await autocannon({ url: `${bench.url}/signed`, method: 'POST', body: CALLBACK_BODY, headers: bench.signedHeaders, connections: 16, amount });
      if (result.non2xx > 0) throw new Error(`${result.non2xx} callback requests failed`);
    };
    await fire(10_000);
    const callbackHeapMiBAfter10k = heapUsedMiB();
    await fire(90_000);
    const callbackHeapMiBAfter100k = heapUsedMiB();
    return { clientHeapMiBAfter10k, clientHeapMiBAfter100k, callbackHeapMiBAfter10k, callbackHeapMiBAfter100k };
  } finally {
    await bench.close();
  }
}
