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
