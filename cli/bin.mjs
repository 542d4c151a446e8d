#!/usr/bin/env node
// The govlint command: runs cli/main.ts through tsx, so `npx govlint` works right after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
