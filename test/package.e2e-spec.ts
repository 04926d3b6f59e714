import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('published package', () => {
  beforeAll(async () => {
    await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root });
  }, 120_000);

  it('emits ES modules with declarations to dist/', () => {
    expect(existsSync(join(root, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(root, 'dist/index.d.ts'))).toBe(true);
  });

  it('serves the emulator from nestjs-inpost-pay/testing, and the process exits after stop()', async () => {
    const script = [
      "import { InpostPayEmulator } from 'nestjs-inpost-pay/testing';",
      'const emulator = new InpostPayEmulator();',
      'await emulator.start();',
      "const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret });",
      'const answer = await fetch(emulator.tokenUrl, { method: "POST", body: form });',
      "console.log(JSON.stringify({ status: answer.status }));",
      'await emulator.stop();',
    ].join('\n');

    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });

    expect(JSON.parse(stdout)).toMatchObject({ status: 200 });
  });

  it('is importable by its package name in a plain Node process', async () => {
    const script = [
      "import * as inpostPay from 'nestjs-inpost-pay';",
      'console.log(JSON.stringify(Object.keys(inpostPay).sort()));',
    ].join('\n');

    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });

    const sourceExports = Object.keys(await import('../lib/index.js')).sort();
    expect(JSON.parse(stdout)).toEqual(sourceExports);
    expect(sourceExports).toEqual(
      expect.arrayContaining(['InpostPayModule', 'InpostPayClient', 'InpostPayTokenService', 'InpostPayCallback', 'InpostPayIpGuard']),
    );
  });
});
