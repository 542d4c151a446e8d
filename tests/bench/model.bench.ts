/**
 * 疑似错别字 model benchmarks (issue 9, item 4), run by `npm run bench` (tests/bench/run.ts) or
 * alone: `npx tsx tests/bench/model.bench.ts`.
 * - cold load in a fresh Node process: read rules/model/typo-model.bin + make the model (header,
 *   typed-array views) + the first scan of one sentence — what a restarted service worker pays;
 * - ms per 1,000 characters of the model's scan (findSuspects) on the clean corpus, median of 5;
 * - memory: resident set growth of the cold process, and the file's size raw and gzipped.
 * Numbers are printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadTypoModel, TYPO_MODEL_FILE } from '../../cli/typo-model';
import { lmModelOf } from '../../rules/text/lm-model';
import { findSuspects, MODEL_PRESETS } from '../../rules/text/suspected-typo';
import type { ResolvedSiteConfig } from '../../rules/types';
import { pageFromText } from '../eval/page';
import { loadCleanCorpus } from '../eval/plant';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** Run in a child process: a cold start, as a fresh service worker is. */
const COLD = `
const t0 = performance.now();
const rss0 = process.memoryUsage().rss;
const { readFileSync } = await import('node:fs');
const { lmModelOf } = await import(${JSON.stringify(resolve(root, 'rules/text/lm-model.ts'))});
const { detectRun } = await import(${JSON.stringify(resolve(root, 'rules/text/lm-detect.ts'))});
const t1 = performance.now();
const b = readFileSync(${JSON.stringify(TYPO_MODEL_FILE)});
const m = lmModelOf(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const s = '进一步完善发展机制，制定总休方案';
detectRun(m, Uint16Array.from([...s].map((c) => c.charCodeAt(0))), { threshold: 4 });
const t2 = performance.now();
console.log(JSON.stringify({ ready: t2 - t1, withImports: t2 - t0, rssMB: (process.memoryUsage().rss - rss0) / 1048576 }));
`;

export async function run(): Promise<Record<string, number>> {
  const raw = readFileSync(TYPO_MODEL_FILE);
  const colds: { ready: number; withImports: number; rssMB: number }[] = [];
  for (let k = 0; k < 3; k++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', COLD], { cwd: root, encoding: 'utf8' });
    colds.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  colds.sort((a, b) => a.ready - b.ready);
  const cold = colds[1];

  const lm = lmModelOf((await loadTypoModel())!);
  const pages = loadCleanCorpus().map((s) => pageFromText(s.text));
  const chars = pages.reduce((n, p) => n + p.body.reduce((m, b) => m + b.text.length, 0), 0);
  const ctx = { dictionaries: {}, site: { matched: null } as ResolvedSiteConfig };
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    for (const p of pages) findSuspects(p, lm, ctx, MODEL_PRESETS.normal);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    'model file MB (raw)': raw.length / 1048576,
    'model file MB (gzip -9)': gzipSync(raw, { level: 9 }).length / 1048576,
    'model cold ready ms (read + views + first scan)': cold.ready,
    'model cold ms incl. module imports': cold.withImports,
    'model cold RSS growth MB': cold.rssMB,
    'model scan ms per 1000 chars': (times[2] / chars) * 1000,
    'model scan corpus chars': chars,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  for (const [k, v] of Object.entries(await run())) console.log(`${k.padEnd(52)} ${Number.isInteger(v) ? v : v.toFixed(2)}`);
}
