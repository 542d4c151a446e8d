/**
 * Text-rule benchmarks (issue 3, item 6), run by `npm run bench` (tests/bench/run.ts):
 * - matcher throughput (MB/s of UTF-8 text) with the full shipped dictionary set on 1 MB of
 *   Chinese text built from the clean corpus, side by side with indexOf-per-pattern and with
 *   @monyone/aho-corasick (the fastest package measured in ../shared/TOOLCHAIN.md), as ratios;
 * - the same with a generated 5,000-word user list added;
 * - all text and privacy rules on a 100 KB article (extractPage excluded), median of 7 runs.
 * Numbers are printed, never asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AhoCorasick } from '@monyone/aho-corasick';
import { audit } from '../../rules/engine';
import { privacyRules } from '../../rules/privacy';
import { dictSetFor } from '../../rules/text/dictset';
import { textRules } from '../../rules/text/index';
import { Matcher } from '../../rules/text/matcher';
import { pageFromText } from '../eval/page';

const here = dirname(fileURLToPath(import.meta.url));
const MB = 1024 * 1024;

function corpusText(): string {
  const dir = resolve(here, '../corpus/clean');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.map((f) => readFileSync(resolve(dir, f), 'utf8')).join('\n');
}

function textOfBytes(source: string, bytes: number): string {
  const enc = new TextEncoder();
  const unit = enc.encode(source).length;
  let s = source.repeat(Math.ceil(bytes / unit));
  // Trim to the byte budget (CJK = 3 bytes): close enough, then measure exactly.
  while (enc.encode(s).length > bytes) s = s.slice(0, Math.floor(s.length * 0.999));
  return s;
}

/** Deterministic 2–4 character words from the corpus's characters, none of them in the text by construction of chance. */
function userWords(chars: string[], n: number): string[] {
  let seed = 12345;
  const rnd = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % k);
  const out = new Set<string>();
  while (out.size < n) {
    const len = 2 + rnd(3);
    let w = '';
    for (let i = 0; i < len; i++) w += chars[rnd(chars.length)];
    out.add(w);
  }
  return [...out];
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

function bestOf<T>(n: number, f: () => T): { ms: number; value: T } {
  let best = { ms: Infinity, value: undefined as T };
  for (let i = 0; i < n; i++) {
    const r = time(f);
    if (r.ms < best.ms) best = r;
  }
  return best;
}

function naiveCount(patterns: readonly string[], text: string): number {
  let n = 0;
  for (const p of patterns) for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) n++;
  return n;
}

function compare(label: string, patterns: string[], text: string, bytes: number): Record<string, number> {
  const mbps = (ms: number) => bytes / MB / (ms / 1000);
  const build = time(() => new Matcher(patterns));
  const ours = bestOf(5, () => {
    let n = 0;
    build.value.scan(text, () => n++);
    return n;
  });
  const pkgBuild = time(() => new AhoCorasick(patterns));
  const pkg = bestOf(3, () => pkgBuild.value.matchInText(text).length);
  const naive = time(() => naiveCount(patterns, text));
  if (ours.value !== naive.value || pkg.value !== naive.value)
    console.warn(`  ! ${label}: match counts differ: ours ${ours.value}, package ${pkg.value}, naive ${naive.value}`);
  return {
    [`text.matcher.${label}.patterns`]: patterns.length,
    [`text.matcher.${label}.matches`]: ours.value,
    [`text.matcher.${label}.build_ms`]: build.ms,
    [`text.matcher.${label}.ours_MBps`]: mbps(ours.ms),
    [`text.matcher.${label}.monyone_build_ms`]: pkgBuild.ms,
    [`text.matcher.${label}.monyone_MBps`]: mbps(pkg.ms),
    [`text.matcher.${label}.naive_MBps`]: mbps(naive.ms),
    [`text.matcher.${label}.ratio_vs_monyone`]: pkg.ms / ours.ms,
    [`text.matcher.${label}.ratio_vs_naive`]: naive.ms / ours.ms,
  };
}

export async function run(): Promise<Record<string, number>> {
  const corpus = corpusText();
  const text = textOfBytes(corpus, MB);
  const bytes = new TextEncoder().encode(text).length;
  // The full shipped set: every pattern the dictionary rules scan for (typos, serious, outdated).
  const full = [...dictSetFor({}).matcher.patterns];
  const chars = [...new Set(corpus.replace(/[^\u4e00-\u9fff]/g, ''))];
  const withUser = [...full, ...userWords(chars, 5000)];
  const out: Record<string, number> = { 'text.matcher.text_MB': bytes / MB };
  Object.assign(out, compare('full', full, text, bytes));
  Object.assign(out, compare('full_plus_5000_user', withUser, text, bytes));

  // All text and privacy rules on a 100 KB article.
  const article = textOfBytes(corpus.split('\n').slice(1).join('\n'), 100 * 1024);
  const model = pageFromText('关于2024年政务公开工作情况的报告\n' + article);
  const rules = [...textRules, ...privacyRules];
  const runs: number[] = [];
  const perRule = new Map<string, number[]>();
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const r = await audit(structuredClone(model), { today: '2024-06-01' }, { rules });
    if (i > 0) {
      runs.push(performance.now() - t0);
      for (const t of r.timings) perRule.set(t.ruleId, [...(perRule.get(t.ruleId) ?? []), t.ms]);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  out['text.rules.article_100KB_ms'] = median(runs);
  for (const [id, ms] of perRule) out[`text.rules.${id}_ms`] = median(ms);
  return out;
}
