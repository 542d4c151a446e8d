/**
 * `npm run bench`: runs every benchmark module, prints its figures and merges them into
 * bench/results.json as { "name": value }. Benchmarks print numbers; tests never time things.
 * A module exports `run(): Promise<Record<string, number>>`; pass names to run only some:
 * `npm run bench -- engine text`.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const MODULES: Record<string, string> = {
  engine: './engine.bench.ts',
  text: './text.bench.ts',
  store: './store.bench.ts',
  bundle: './bundle.bench.ts',
  model: './model.bench.ts',
  sweep: './sweep.bench.ts',
  page: './page-cost.bench.ts',
};

async function main() {
  const only = process.argv.slice(2);
  const out = resolve(root, 'bench/results.json');
  const results: Record<string, number> = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
  for (const [name, file] of Object.entries(MODULES)) {
    if (only.length && !only.includes(name)) continue;
    if (!existsSync(resolve(here, file))) continue;
    console.log(`\n== ${name}`);
    const mod = (await import(file)) as { run: () => Promise<Record<string, number>> };
    const figures = await mod.run();
    for (const [k, v] of Object.entries(figures)) {
      console.log(`${k.padEnd(48)} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
      results[k] = Math.round(v * 100) / 100;
    }
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwritten: ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
