import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measureClientOverhead } from './client-overhead.js';
import { measureGuardOverhead } from './guard-overhead.js';
import { measureMemory } from './memory.js';
import { measureTokenEconomy } from './token-economy.js';

const fixed = (value: number, digits = 2) => value.toFixed(digits);

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`nestjs-inpost-pay bench on Node ${process.version}, ${cpus().length} CPUs (figures are medians; ratios come from the same run)`);
  const client = await measureClientOverhead();
  const guards = await measureGuardOverhead();
  const tokens = await measureTokenEconomy();
  const memory = await measureMemory();

  const rows: [string, string, string][] = [
    ['client overhead', `${fixed(client.moduleCallsPerSecond, 0)} vs ${fixed(client.bareAxiosCallsPerSecond, 0)} calls/s (module vs bare axios)`, `ratio ${fixed(client.ratio)} (target >= 0.95)`],
    ['IP guard', `${fixed(guards.ipGuardRequestsPerSecond, 0)} vs ${fixed(guards.undecoratedRequestsPerSecond, 0)} req/s`, `ratio ${fixed(guards.ipGuardRatio)}`],
    ['IP + signature guards', `${fixed(guards.ipAndSignatureRequestsPerSecond, 0)} vs ${fixed(guards.undecoratedRequestsPerSecond, 0)} req/s`, `ratio ${fixed(guards.ipAndSignatureRatio)}`],
    ['signature check', `${fixed(guards.signatureCheckMicrosPerRequest, 1)} us vs bare crypto.verify ${fixed(guards.bareCryptoVerifyMicros, 1)} us`, `ratio ${fixed(guards.signatureCheckVsBareVerify)}`],
    ['cold start', `${tokens.coldStartCalls} concurrent calls`, `${tokens.coldStartTokenRequests} token request(s) (must be 1)`],
    [
      `steady load ${tokens.steadySeconds} s, ${tokens.tokenLifetimeSeconds} s tokens`,
      `${tokens.steadyCalls} calls, ${tokens.steadyUnauthorized} x 401`,
      `${tokens.steadyTokenRequests} token requests (at most ${tokens.steadyTokenRequestsAllowed})`,
    ],
    ['client heap', `${fixed(memory.clientHeapMiBAfter10k, 1)} MiB after 10k calls`, `${fixed(memory.clientHeapMiBAfter100k, 1)} MiB after 100k`],
    ['callback heap', `${fixed(memory.callbackHeapMiBAfter10k, 1)} MiB after 10k requests`, `${fixed(memory.callbackHeapMiBAfter100k, 1)} MiB after 100k`],
  ];
  console.log('\n| measure | figures | result |\n|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);

  mkdirSync('bench/results', { recursive: true });
  const report = { node: process.version, cpus: cpus().length, date: new Date().toISOString(), seconds: (Date.now() - started) / 1000, client, guards, tokens, memory };
  writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to bench/results/latest.json in ${fixed(report.seconds, 0)} s`);
  const failures = [
    tokens.coldStartTokenRequests !== 1 && 'cold start made more than one token request',
    tokens.steadyUnauthorized !== 0 && 'steady load saw 401 answers',
    tokens.steadyTokenRequests > tokens.steadyTokenRequestsAllowed && 'steady load made too many token requests',
  ].filter(Boolean);
  if (failures.length > 0) {
    console.error(`Bench invariants broken: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
