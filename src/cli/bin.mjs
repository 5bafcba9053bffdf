#!/usr/bin/env node
// Launcher of the `spikelab` command: registers tsx so the TypeScript core runs as is in Node.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./spikelab.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
});
