import 'reflect-metadata';
import { DemoStepError, runDemo } from './demo-flow.js';

runDemo((line) => console.log(line)).then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    const what = error instanceof DemoStepError ? `Step failed: ${error.message}` : `Demo failed: ${String(error)}`;
    console.error(what);
    process.exitCode = 1;
  },
);
