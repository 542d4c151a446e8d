/**
 * npm run real — the real-page check (in the spirit of ruff's ecosystem check / mypy_primer).
 * Audits every corpus page with its own today and URL, prints what changed against the committed
 * snapshot, writes the new snapshots, and prints precision and misses per rule from the review.
 *
 *   npm run real                 write snapshots, print the diff and the figures
 *   npm run real -- --check      write nothing; exit 1 when a snapshot changed or a warn/error
 *                                finding is unreviewed (what CI runs, through npm test)
 *   --out DIR                    write the snapshots to DIR instead (e.g. an older engine's, to compare)
 *   --only 015,101               just these pages
 *   --from DIR                   judge the snapshots in DIR (written by --out) instead of auditing: the
 *                                precision of an older engine against the same review
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  evaluate, findingId, guessToday, loadCorpus, loadReview, needsVerdict, precision, readSnapshot, serialize, snapshotPage,
  SHARED_DIR, SNAPSHOT_DIR, totals, type Snapshot, type SnapFinding,
} from './corpus';
import { decodeHtml } from '../../rules/page/decode';

const { values } = parseArgs({
  options: { check: { type: 'boolean' }, out: { type: 'string' }, only: { type: 'string' }, review: { type: 'string' }, quiet: { type: 'boolean' }, from: { type: 'string' } },
});
const check = values.check === true;
const outDir = values.out ?? SNAPSHOT_DIR;
const only = values.only ? new Set(values.only.split(',')) : null;

const review = loadReview(values.review);
const corpus = loadCorpus().filter((p) => !only || only.has(p.id));
const snapshots: Snapshot[] = [];
const changed: string[] = [];
const t0 = performance.now();
const out: string[] = [];

for (const p of corpus) {
  const today = review[p.id]?.today ?? guessToday(decodeHtml(readFileSync(p.file)).html);
  const snap = values.from ? (JSON.parse(readFileSync(join(values.from, `${p.id}.json`), 'utf8')) as Snapshot) : await snapshotPage(p, today);
  if (values.from) {
    snapshots.push(snap);
    continue;
  }
  snapshots.push(snap);
  const before = values.out ? null : readSnapshot(p.id);
  const diff = diffFindings(before?.findings ?? [], snap.findings);
  if (!before || serialize(before) !== serialize(snap)) {
    changed.push(p.id);
    out.push(`\n## ${p.id} ${p.site} (${snap.kind}) ${before ? '' : '新页面'}${before && before.today !== snap.today ? ` today ${before.today} → ${snap.today}` : ''}`);
    for (const line of diff) out.push(line);
    for (const line of before ? diffModel(before, snap) : []) out.push(line);
    if (!diff.length && before && !diffModel(before, snap).length) out.push('  （仅快照元数据变化）');
  }
  if (!check) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `${p.id}.json`), serialize(snap));
  }
}

/** What the extractor read differently: kind, title, column, catalogue fields. */
function diffModel(a: Snapshot, b: Snapshot): string[] {
  const out: string[] = [];
  for (const k of ['kind', 'title', 'column'] as const) if (a[k] !== b[k]) out.push(`  ~ ${k}: ${JSON.stringify(a[k])} → ${JSON.stringify(b[k])}`);
  if (a.fields === undefined) return out;
  const fa = a.fields;
  const fb = b.fields ?? {};
  for (const label of new Set([...Object.keys(fa), ...Object.keys(fb)]))
    if (fa[label] !== fb[label]) out.push(`  ~ 目录 ${label}: ${JSON.stringify(fa[label] ?? null)} → ${JSON.stringify(fb[label] ?? null)}`);
  return out;
}

function line(sign: string, f: SnapFinding): string {
  return `  ${sign} [${f.level}] ${f.ruleId} ${JSON.stringify(f.key)} — ${f.message}｜${f.excerpt.slice(0, 80)}`;
}

function diffFindings(a: SnapFinding[], b: SnapFinding[]): string[] {
  const before = new Map(a.map((f) => [findingId(f), f]));
  const after = new Map(b.map((f) => [findingId(f), f]));
  const lines: string[] = [];
  for (const [id, f] of before) if (!after.has(id)) lines.push(line('-', f));
  for (const [id, f] of after) {
    const old = before.get(id);
    if (!old) lines.push(line('+', f));
    else if (JSON.stringify(old) !== JSON.stringify(f)) lines.push(line('~', f));
  }
  return lines;
}

const report = evaluate(snapshots, review);
const sites = new Set(corpus.map((p) => p.site));
const pct = (x: number | null) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

if (!values.quiet) {
  console.log(`# 真实页面检查：${corpus.length} 个页面，${sites.size} 个站点，用时 ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (!existsSync(join(SHARED_DIR, 'manifest.json'))) console.log(`（未找到共享语料 ${SHARED_DIR}：只检查了 tests/real/pages 中的页面）`);
  console.log(changed.length ? `\n快照有变化的页面：${changed.length} 个${check ? '（--check：未写入）' : '（已写入 tests/real/snapshots）'}` : '\n所有快照均无变化。');
  for (const l of out) console.log(l);
  console.log('\n规则                          一般/严重  正确  误报  存疑  未审  精确率   漏报(未修/已修/已说明)');
  const rows = [...report.perRule.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  for (const [rule, s] of rows) {
    const n = s.true + s.false + s.unsure + s.unreviewed;
    console.log(`${rule.padEnd(30)}${String(n).padStart(8)}${String(s.true).padStart(6)}${String(s.false).padStart(6)}${String(s.unsure).padStart(6)}${String(s.unreviewed).padStart(6)}  ${pct(precision(s))}   ${s.missedOpen}/${s.missedFixed}/${s.missedExplained}`);
  }
  const t = totals(report);
  console.log(`${'合计'.padEnd(28)}${String(t.true + t.false + t.unsure + t.unreviewed).padStart(8)}${String(t.true).padStart(6)}${String(t.false).padStart(6)}${String(t.unsure).padStart(6)}${String(t.unreviewed).padStart(6)}  ${pct(precision(t))}   ${t.missedOpen}/${t.missedFixed}/${t.missedExplained}`);
  const infoTotal = snapshots.reduce((n, s) => n + s.findings.filter((f) => !needsVerdict(f)).length, 0);
  console.log(`\n提示级问题 ${infoTotal} 条；已审提示级问题的页面 ${report.infoReviewedPages}/${corpus.length}`);
  const lost = report.gone.filter((g) => g.verdict === 'true');
  if (lost.length) console.log(`\n曾判为正确、现已不再报告的问题（召回下降？）${lost.length} 条：\n  ${lost.map((g) => `${g.id}: ${g.finding}`).join('\n  ')}`);
  const fixedFp = report.gone.filter((g) => g.verdict === 'false').length;
  if (fixedFp) console.log(`曾判为误报、现已不再报告的问题：${fixedFp} 条`);
}

const problems: string[] = [];
if (report.unreviewed.length) problems.push(`未审的一般/严重问题 ${report.unreviewed.length} 条：\n  ${report.unreviewed.join('\n  ')}`);
if (report.pagesWithoutToday.length) problems.push(`没有审定 today 的页面：${report.pagesWithoutToday.join(' ')}`);
if (report.malformed.length) problems.push(`审阅记录有误：\n  ${report.malformed.join('\n  ')}`);
if (report.fixedButAbsent.length) problems.push(`标为已修复、但规则并未报告的漏报：\n  ${report.fixedButAbsent.join('\n  ')}`);
if (check && changed.length) problems.push(`快照与提交的不一致：${changed.join(' ')}（运行 npm run real 更新快照，并审阅其中的新问题）`);
if (problems.length) console.log('\n' + problems.join('\n'));
process.exitCode = check && problems.length ? 1 : 0;
