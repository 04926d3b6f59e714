import autocannon from 'autocannon';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { decodeSignature, keyHashMatches, signatureValid, signedMessage, timestampFresh } from '../lib/callbacks/signature-verifier.js';
import { CALLBACK_BODY, startCallbackBench, type CallbackBench } from './callback-app.js';
import { median } from './stats.js';

export interface GuardOverheadResult {
  secondsPerRun: number;
  repetitions: number;
  undecoratedRequestsPerSecond: number;
  ipGuardRequestsPerSecond: number;
  ipAndSignatureRequestsPerSecond: number;
  ipGuardRatio: number;
  ipAndSignatureRatio: number;
  signatureCheckMicrosPerRequest: number;
  bareCryptoVerifyMicros: number;
  signatureCheckVsBareVerify: number;
}

async function requestsPerSecond(bench: CallbackBench, route: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `${bench.url}/${route}`,
    method: 'POST',
    body: CALLBACK_BODY,
    headers: route === 'signed' ? bench.signedHeaders : { 'content-type': 'application/json' },
    connections: 16,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`bench route ${route} answered ${result.non2xx} non-2xx and ${result.errors} errors`);
  return result.requests.average;
}

function microsPerOperation(iterations: number, operation: () => unknown): number {
  for (let index = 0; index < 200; index += 1) operation();
  const begin = process.hrtime.bigint();
  for (let index = 0; index < iterations; index += 1) operation();
  return Number(process.hrtime.bigint() - begin) / 1e3 / iterations;
}

/** The guards' per-request cost in-process: the verifier's steps, next to one bare `crypto.verify`. */
function signatureCost(bench: CallbackBench, iterations: number): Pick<GuardOverheadResult, 'signatureCheckMicrosPerRequest' | 'bareCryptoVerifyMicros' | 'signatureCheckVsBareVerify'> {
  const rawBody = Buffer.from(CALLBACK_BODY);
  const headers = {
    signature: bench.signedHeaders['x-signature']!,
    timestamp: bench.signedHeaders['x-signature-timestamp']!,
    keyVersion: bench.signedHeaders['x-public-key-ver']!,
    keyHash: bench.signedHeaders['x-public-key-hash']!,
  };
  const key = {
    publicKey: createPublicKey({ key: Buffer.from(bench.signer.publicKeyBase64, 'base64'), format: 'der', type: 'spki' }),
    keyHashHex: createHash('sha256').update(bench.signer.publicKeyBase64).digest('hex'),
    merchantExternalId: bench.signer.merchantExternalId,
  };
  const signature = decodeSignature(headers.signature)!;
  const message = signedMessage(rawBody, key.merchantExternalId, headers.keyVersion, headers.timestamp);
  const bare = microsPerOperation(iterations, () => verify('sha256', message, key.publicKey, signature));
  const check = microsPerOperation(iterations, () => {
    const decoded = decodeSignature(headers.signature)!;
    return timestampFresh(headers.timestamp, Date.now(), 3_600_000) && keyHashMatches(headers.keyHash, key) && signatureValid(rawBody, headers, decoded, key);
  });
  return { signatureCheckMicrosPerRequest: check, bareCryptoVerifyMicros: bare, signatureCheckVsBareVerify: check / bare };
}

/** Undecorated route vs IP guard vs IP + signature guards, driven by autocannon in this process. */
export async function measureGuardOverhead(secondsPerRun = 3, repetitions = 3): Promise<GuardOverheadResult> {
  const bench = await startCallbackBench();
  try {
    const runs: Record<'plain' | 'ip' | 'signed', number[]> = { plain: [], ip: [], signed: [] };
    for (const route of ['plain', 'ip', 'signed'] as const) await requestsPerSecond(bench, route, 1);
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      const order = repetition % 2 === 0 ? (['plain', 'ip', 'signed'] as const) : (['signed', 'ip', 'plain'] as const);
      for (const route of order) runs[route].push(await requestsPerSecond(bench, route, secondsPerRun));
    }
    const undecorated = median(runs.plain);
    const ipOnly = median(runs.ip);
    const signed = median(runs.signed);
    return {
      secondsPerRun,
      repetitions,
      undecoratedRequestsPerSecond: undecorated,
      ipGuardRequestsPerSecond: ipOnly,
      ipAndSignatureRequestsPerSecond: signed,
      ipGuardRatio: ipOnly / undecorated,
      ipAndSignatureRatio: signed / undecorated,
      ...signatureCost(bench, 2_000),
    };
  } finally {
    await bench.close();
  }
}
