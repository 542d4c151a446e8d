/**
 * `npm run eval`: precision and recall of the text and privacy rules (issue 3, item 5).
 *
 * 1. Clean corpus (tests/corpus/clean/*.txt, correct texts): every text becomes a page
 *    (first line = headline, one <p> per line: tests/eval/page.ts) and goes through extractPage
 *    + audit. Any warn/error finding is a false positive: printed, and the run exits with 1.
 * 2. Planted corpus (tests/eval/plant.ts: the same texts with one defect each): a case is found
 *    when the planted rule reports in the block the defect is in, at the defect's offset
 *    (per-block rules — mixed-script, pinyin-residue, halfwidth-punct — report the block once:
 *    the block is enough). Findings of any rule that the clean text did not have and that are
 *    not the planted defect count as false positives of that rule.
 * Prints a table per rule and writes it to bench/eval.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../../rules/engine';
import { normalizeSpace } from '../../rules/page/text';
import { privacyRules } from '../../rules/privacy';
import { textRules } from '../../rules/text/index';
import type { Finding, PageModel } from '../../rules/types';
import { pageFromText } from './page';
import { evalModel } from './model';
import { loadCleanCorpus, plantDefects, DEFECT_KINDS, type Planted } from './plant';

const RULES = [...textRules, ...privacyRules];
const PER_BLOCK = new Set(['text/mixed-script', 'text/pinyin-residue', 'text/halfwidth-punct']);
const TODAY = '2024-06-01';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function findings(model: PageModel): Promise<Finding[]> {
  const r = await audit(model, { today: TODAY, profile: 'strict' }, { rules: RULES });
  for (const d of r.diagnostics) console.error(`  ! ${d.ruleId} threw: ${d.message}`);
  return r.findings;
}

/** The block (selector) and offset in its normalised text where `position` of the source text lands. */
function locate(model: PageModel, text: string, position: number): { selector: string; offset: number } | null {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  let lineEnd = text.indexOf('\n', position);
  if (lineEnd < 0) lineEnd = text.length;
  const line = normalizeSpace(text.slice(lineStart, lineEnd));
  const prefix = text.slice(lineStart, position);
  const offset = normalizeSpace(prefix + '\u0001').length - 1; // keep a trailing space's effect
  const block = model.body.find((b) => b.text === line) ?? model.body.find((b) => b.text.includes(line) || line.includes(b.text));
  return block ? { selector: block.selector, offset: Math.max(0, offset) } : null;
}

function hits(f: Finding, where: { selector: string; offset: number }, length: number): boolean {
  if (f.selector !== where.selector) return false;
  if (PER_BLOCK.has(f.ruleId) || f.textOffset === undefined) return true;
  const a = f.textOffset;
  const b = a + Math.max(1, f.textLength ?? 1);
  return a <= where.offset + length + 1 && b >= where.offset - 1;
}

const cut = (s: string, n = 60) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

async function main() {
  const corpus = loadCleanCorpus();
  const ruleIds = RULES.map((r) => r.id);
  const stat = Object.fromEntries(ruleIds.map((id) => [id, { planted: 0, found: 0, fpClean: 0, fpPlanted: 0 }]));

  // 1. Clean corpus.
  console.log(`== clean corpus: ${corpus.length} texts`);
  const cleanKeys = new Map<string, Set<string>>();
  let blocking = 0;
  for (const src of corpus) {
    const f = await findings(pageFromText(src.text));
    cleanKeys.set(src.name, new Set(f.map((x) => `${x.ruleId}|${x.key}`)));
    for (const x of f) {
      stat[x.ruleId].fpClean++;
      const serious = x.level !== 'info';
      if (serious) blocking++;
      console.log(`  ${serious ? 'FP' : 'fp(info)'} ${x.ruleId} [${x.level}] ${src.name}: ${x.message} — ${cut(x.excerpt)}`);
    }
  }
  console.log(`  warn/error findings on clean texts: ${blocking}`);

  // 2. Planted corpus.
  const cases: Planted[] = plantDefects(corpus);
  console.log(`\n== planted corpus: ${cases.length} cases`);
  const misses: string[] = [];
  for (const c of cases) {
    const model = pageFromText(c.text);
    const f = await findings(model);
    const where = locate(model, c.text, c.position);
    stat[c.ruleId] ??= { planted: 0, found: 0, fpClean: 0, fpPlanted: 0 };
    stat[c.ruleId].planted++;
    const tp = where ? f.find((x) => x.ruleId === c.ruleId && hits(x, where, c.planted.length)) : undefined;
    if (tp) stat[c.ruleId].found++;
    else misses.push(`  miss ${c.ruleId} ${c.name}: ${c.variant} — “${cut(c.planted, 30)}”`);
    const clean = cleanKeys.get(c.source) ?? new Set();
    for (const x of f) {
      if (x === tp || clean.has(`${x.ruleId}|${x.key}`)) continue;
      // Another finding of the planted rule in the same place (e.g. two marks of one defect) is not a false positive.
      if (where && x.ruleId === c.ruleId && hits(x, where, c.planted.length)) continue;
      stat[x.ruleId].fpPlanted++;
      if (x.level !== 'info') console.log(`  FP ${x.ruleId} on ${c.name} (${c.variant}): ${x.message} — ${cut(x.excerpt)}`);
    }
  }
  for (const m of misses.slice(0, Number(process.env.EVAL_MISSES ?? 60))) console.log(m);
  if (misses.length > 60) console.log(`  … ${misses.length - 60} more misses`);

  // 3. Table.
  const rows: Record<string, { planted: number; found: number; recall: number | null; falsePositives: number; precision: number | null }> = {};
  console.log(`\n${'rule'.padEnd(26)}${'planted'.padStart(8)}${'found'.padStart(7)}${'recall'.padStart(8)}${'FP'.padStart(5)}${'precision'.padStart(11)}`);
  for (const id of [...new Set([...DEFECT_KINDS, ...ruleIds])]) {
    const s = stat[id];
    if (!s) continue;
    const fp = s.fpClean + s.fpPlanted;
    const recall = s.planted ? s.found / s.planted : null;
    const precision = s.found + fp ? s.found / (s.found + fp) : null;
    rows[id] = { planted: s.planted, found: s.found, recall, falsePositives: fp, precision };
    const pct = (v: number | null) => (v === null ? '–' : (v * 100).toFixed(1) + '%');
    console.log(`${id.padEnd(26)}${String(s.planted).padStart(8)}${String(s.found).padStart(7)}${pct(recall).padStart(8)}${String(fp).padStart(5)}${pct(precision).padStart(11)}`);
  }
  // 4. text/typo's language model alone (tests/eval/model.ts).
  console.log('\n== 疑似错别字 model alone (text/typo, dictionary off)');
  const typoModel = await evalModel();
  const out = resolve(root, 'bench/eval.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ corpus: corpus.length, cases: cases.length, cleanWarnOrError: blocking, rules: rows, typoModel }, null, 2) + '\n');
  console.log(`\nwritten: ${out}`);
  if (blocking > 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
