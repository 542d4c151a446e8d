#!/usr/bin/env node
// The govlint command: runs cli/main.ts through tsx, so `npx govlint` works right after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
// For the fault suite and benchmarks: time and peak memory of this run, on stderr.
if (process.env.GOVLINT_STATS === '1') {
  const { maxRSS } = process.resourceUsage();
  process.stderr.write(`GOVLINT_STATS ${JSON.stringify({ ms: Math.round(performance.now()), maxRssMB: Math.round(maxRSS / 1024) })}\n`);
}
