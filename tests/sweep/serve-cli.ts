/**
 * Serves the sweep fixture site until Ctrl-C, for manual runs and benchmarks:
 *   npx tsx tests/sweep/serve-cli.ts --today 2026-12-01 [--size full|small] [--port 8123] [--seed N]
 */
import { parseArgs } from 'node:util';
import { generateSite } from './site';
import { serveSite, SITE_HOST } from './server';

const { values } = parseArgs({
  options: {
    today: { type: 'string' },
    size: { type: 'string', default: 'full' },
    port: { type: 'string', default: '8123' },
    seed: { type: 'string' },
  },
});

if (!values.today || !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
  console.error('usage: npx tsx tests/sweep/serve-cli.ts --today YYYY-MM-DD [--size full|small] [--port 8123] [--seed N]');
  process.exit(2);
}
if (values.size !== 'full' && values.size !== 'small') {
  console.error(`--size must be full or small, got ${values.size}`);
  process.exit(2);
}

const site = generateSite({ today: values.today, size: values.size, seed: values.seed ? Number(values.seed) : undefined });
const server = await serveSite(site, { port: Number(values.port) });
console.log(`sweep fixture site (${values.size}, today ${values.today}): ${site.counts.htmlPages} HTML pages, ${site.counts.articles} articles, ${site.counts.planted} planted findings`);
console.log(`  ${server.url('/')}`);
console.log(`  ${server.url('/', SITE_HOST)}  (Chromium: --host-resolver-rules="MAP ${SITE_HOST} 127.0.0.1")`);
console.log('Ctrl-C to stop');

const stop = () => {
  const total = [...server.hits.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${total} requests, ${server.hits.size} distinct paths`);
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
