/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `task` `count` times with `concurrency` parallel loops; resolves to calls per second. */
export async function throughput(count: number, concurrency: number, task: () => Promise<unknown>): Promise<number> {
  let started = 0;
  const begin = process.hrtime.bigint();
  const worker = async () => {
    while (started < count) {
      started += 1;
      await task();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  return count / seconds;
}

/** Heap used after a full collection, in MiB (needs `node --expose-gc`). */
export function heapUsedMiB(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
