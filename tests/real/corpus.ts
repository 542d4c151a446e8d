/**
 * The real-page corpus: pages saved from real government sites (../shared/realpages and
 * tests/real/pages), run through the CLI's own path (file → decodeHtml → auditHtml) with each
 * page's own "today" and URL. Snapshots of what GovLint reports on each page are committed under
 * tests/real/snapshots/, and tests/real/review.json says, finding by finding, whether it is right.
 * `npm run real` (tests/real/run.ts) prints what changed and the precision; tests/unit/real.test.ts
 * fails when a snapshot changed without its review. A new page is one more file and one manifest entry.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'cheerio/slim';
import { loadInput } from '../../cli/inputs';
import { withTypoModel } from '../../cli/typo-model';
import { auditHtml } from '../../rules/run';
import type { Finding, Level } from '../../rules/types';

export const ROOT = resolve(import.meta.dirname, '../..');
export const REAL_DIR = join(ROOT, 'tests/real');
export const SNAPSHOT_DIR = join(REAL_DIR, 'snapshots');
export const REVIEW_FILE = join(REAL_DIR, 'review.json');
/** The shared corpus sits beside the project (read-only in CI); ours is in tests/real/pages. */
export const SHARED_DIR = resolve(ROOT, '../shared/realpages');

export type Kind = 'detail' | 'listing' | 'home' | 'interaction' | 'other';

export interface ManifestEntry {
  id: string;
  repo: string | null;
  path: string | null;
  commit: string | null;
  url: string | null;
  site: string;
  kind: Kind;
  charset: string;
  bytes: number;
  notes: string;
}

export interface CorpusPage extends ManifestEntry {
  file: string;
  /** Where it came from: the shared corpus or ours. */
  origin: 'shared' | 'project';
}

/** What a snapshot keeps of a finding: enough to review it from the diff alone. */
export interface SnapFinding {
  ruleId: string;
  level: Level;
  certainty: string;
  key: string;
  message: string;
  excerpt: string;
  suggestion: string | null;
  field: string | null;
  selector: string | null;
}

export interface Snapshot {
  id: string;
  url: string;
  today: string | null;
  kind: string;
  title: string;
  /** The column the page is filed under in the 整改清单 (breadcrumb or ColumnName meta). */
  column: string | null;
  /** The catalogue box as read (label → value), so a change in extraction shows in the diff. */
  fields?: Record<string, string>;
  findings: SnapFinding[];
}

export type Verdict = 'true' | 'false' | 'unsure';

export interface FindingReview {
  verdict: Verdict;
  /** Why (required for false and unsure). */
  why?: string;
}

export interface Miss {
  ruleId: string;
  evidence: string;
  why: string;
  /**
   * open: GovLint still misses it; fixed: a finding of ruleId now reports it; explained: left by
   * design or beyond what the engine can know today — `why` says which and why.
   */
  status: 'open' | 'fixed' | 'explained';
}

export interface PageReview {
  /** The capture date, judged from the page (its newest date); the page's "today". */
  today: string;
  todayWhy?: string;
  /** Verdicts by finding id (`ruleId key`). Verdicts of findings no longer reported stay as history. */
  findings: Record<string, FindingReview>;
  missed: Miss[];
  /** True when the info findings were judged too (the issue asks for a third of the pages). */
  infoReviewed?: boolean;
  notes?: string;
}

export type Review = Record<string, PageReview>;

export const findingId = (f: Pick<SnapFinding, 'ruleId' | 'key'>) => `${f.ruleId} ${f.key}`;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Every page of both corpora, in id order. Refuses pages of the evaluation set. */
export function loadCorpus(): CorpusPage[] {
  const pages: CorpusPage[] = [];
  const add = (manifest: string, dir: string, origin: CorpusPage['origin']) => {
    if (!existsSync(manifest)) return;
    for (const e of readJson<ManifestEntry[]>(manifest)) pages.push({ ...e, file: join(dir, `${e.id}.html`), origin });
  };
  add(join(SHARED_DIR, 'manifest.json'), join(SHARED_DIR, 'pages'), 'shared');
  // Ours: manifest.json, plus manifest-*.json parts (one per batch of pages, so batches added in
  // parallel never edit the same file).
  const ours = existsSync(REAL_DIR) ? readdirSync(REAL_DIR).filter((f) => /^manifest(-[\w-]+)?\.json$/.test(f)).sort() : [];
  for (const f of ours) add(join(REAL_DIR, f), join(REAL_DIR, 'pages'), 'project');
  const ids = new Set<string>();
  for (const p of pages) {
    if (ids.has(p.id)) throw new Error(`语料页编号重复：${p.id}`);
    ids.add(p.id);
  }
  const excluded = loadExcluded();
  const seen = new Map<string, string>();
  for (const p of pages) {
    const bytes = readFileSync(p.file);
    const why = refusal(bytes, excluded);
    if (why) throw new Error(`语料页 ${p.id}（${p.file}）${why}，不得收入语料：请删除它`);
    const hash = sha256(bytes);
    if (seen.has(hash)) throw new Error(`语料页 ${p.id} 与 ${seen.get(hash)} 字节相同：重复收录`);
    seen.set(hash, p.id);
  }
  return pages.sort((a, b) => a.id.localeCompare(b.id));
}

export interface Excluded {
  files: Set<string>;
  titles: Set<string>;
}

/** Why a page may not enter the corpus (it is one of the evaluation pages), or null. */
export function refusal(bytes: Uint8Array, excluded: Excluded): string | null {
  if (excluded.files.has(sha256(bytes))) return '与留作独立评测的页面字节相同（excluded.txt）';
  if (titleHashes(bytes).some((t) => excluded.titles.has(t))) return '标题与留作独立评测的页面相同（excluded.txt）';
  return null;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The evaluation set's hashes: file bytes, and <title> text ("-" when a page has none). */
export function loadExcluded(): Excluded {
  const files = new Set<string>();
  const titles = new Set<string>();
  const path = join(SHARED_DIR, 'excluded.txt');
  if (!existsSync(path)) return { files, titles };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [file, title] = line.trim().split(/\s+/);
    if (!file || file.startsWith('#')) continue;
    files.add(file);
    if (title && title !== '-' && title !== sha256('-')) titles.add(title);
  }
  return { files, titles };
}

/**
 * Hashes of a page's <title> as excluded.txt writes them (entities decoded, whitespace runs
 * collapsed, trimmed). Two readings of "whitespace" (ASCII only, or Unicode with U+3000/nbsp)
 * because the list does not say which: a page matching either is refused.
 */
export function titleHashes(bytes: Uint8Array): string[] {
  const { html } = decodeForTitle(bytes);
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (!m) return [];
  const text = load(`<p>${m[1]}</p>`)('p').text();
  const variants = new Set([text.replace(/[ \t\n\r\f\v]+/g, ' ').trim(), text.replace(/\s+/g, ' ').trim()]);
  return [...variants].filter(Boolean).map(sha256);
}

function decodeForTitle(bytes: Uint8Array): { html: string } {
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { html: new TextDecoder('gb18030').decode(bytes) };
  }
}

/** The URL a page is audited as: its original one, else a made-up one on its site (home pages at /). */
export function pageUrl(p: ManifestEntry): string {
  if (p.url && /^https?:\/\//.test(p.url)) return p.url;
  return p.kind === 'home' ? `https://${p.site}/` : `https://${p.site}/govlint-corpus/${p.id}.html`;
}

const EXCERPT = 160;

/** Audits one page exactly as `govlint audit FILE --base-url URL --today DATE` would. */
export async function snapshotPage(p: CorpusPage, today: string | null): Promise<Snapshot> {
  const url = pageUrl(p);
  const loaded = await loadInput({ input: p.file, kind: 'file', path: p.file, url });
  const config = { profile: 'daily', ...(today ? { today } : {}) };
  const result = await auditHtml(loaded.html, loaded.url, config, { charset: loaded.charset, lookups: withTypoModel({}) });
  if (result.diagnostics.length) throw new Error(`语料页 ${p.id}：规则出错 ${result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`).join('; ')}`);
  return {
    id: p.id,
    url: loaded.url,
    today,
    kind: result.model.kind,
    title: result.model.headline || result.model.title,
    column: result.model.column,
    fields: Object.fromEntries(result.model.fields.map((f) => [f.label, f.value])),
    findings: result.findings.map(snapFinding).sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.key.localeCompare(b.key)),
  };
}

function snapFinding(f: Finding): SnapFinding {
  return {
    ruleId: f.ruleId,
    level: f.level,
    certainty: f.certainty,
    key: f.key,
    message: f.message,
    excerpt: f.excerpt.length > EXCERPT ? f.excerpt.slice(0, EXCERPT) + '…' : f.excerpt,
    suggestion: f.suggestion ?? null,
    field: f.field ?? null,
    selector: f.selector ?? null,
  };
}

export function snapshotFile(id: string): string {
  return join(SNAPSHOT_DIR, `${id}.json`);
}

export function readSnapshot(id: string): Snapshot | null {
  const f = snapshotFile(id);
  return existsSync(f) ? readJson<Snapshot>(f) : null;
}

export function serialize(s: Snapshot): string {
  return JSON.stringify(s, null, 2) + '\n';
}

export const REVIEW_PARTS_DIR = join(REAL_DIR, 'review-parts');

/**
 * The review: review.json, with the pages of review-parts/*.json (reviews written in parallel,
 * one file per reviewer, before they are merged into review.json) laid over it.
 */
export function loadReview(path = REVIEW_FILE): Review {
  const review: Review = existsSync(path) ? readJson<Review>(path) : {};
  if (path === REVIEW_FILE && existsSync(REVIEW_PARTS_DIR))
    for (const f of readdirSync(REVIEW_PARTS_DIR).filter((x) => x.endsWith('.json')).sort()) Object.assign(review, readJson<Review>(join(REVIEW_PARTS_DIR, f)));
  return review;
}

/** What must be judged: every warn/error finding. */
export const needsVerdict = (f: SnapFinding) => f.level !== 'info';

export interface RuleStats {
  true: number;
  false: number;
  unsure: number;
  unreviewed: number;
  missedOpen: number;
  missedFixed: number;
  missedExplained: number;
}

export interface Report {
  perRule: Map<string, RuleStats>;
  /** Warn/error findings with no verdict: `id: ruleId key`. */
  unreviewed: string[];
  /** Pages with no review or no today. */
  pagesWithoutToday: string[];
  /** Misses marked fixed whose rule reports nothing on the page. */
  fixedButAbsent: string[];
  /** Verdicts of findings the engine no longer reports (history: false ones fixed, true ones lost). */
  gone: { id: string; finding: string; verdict: Verdict }[];
  /** Review entries malformed (false/unsure without why, unknown verdict). */
  malformed: string[];
  infoReviewedPages: number;
}

const emptyStats = (): RuleStats => ({ true: 0, false: 0, unsure: 0, unreviewed: 0, missedOpen: 0, missedFixed: 0, missedExplained: 0 });

export function evaluate(snapshots: Snapshot[], review: Review): Report {
  const perRule = new Map<string, RuleStats>();
  const stats = (rule: string) => perRule.get(rule) ?? perRule.set(rule, emptyStats()).get(rule)!;
  const report: Report = { perRule, unreviewed: [], pagesWithoutToday: [], fixedButAbsent: [], gone: [], malformed: [], infoReviewedPages: 0 };
  for (const s of snapshots) {
    const r = review[s.id];
    if (!r?.today) report.pagesWithoutToday.push(s.id);
    const verdicts = r?.findings ?? {};
    for (const [fid, v] of Object.entries(verdicts)) {
      if (!['true', 'false', 'unsure'].includes(v.verdict)) report.malformed.push(`${s.id}: ${fid}: 未知结论 ${v.verdict}`);
      else if (v.verdict !== 'true' && !v.why?.trim()) report.malformed.push(`${s.id}: ${fid}: ${v.verdict} 须写明理由（why）`);
    }
    const current = new Set(s.findings.map(findingId));
    for (const f of s.findings) {
      if (!needsVerdict(f)) continue;
      const v = verdicts[findingId(f)];
      const st = stats(f.ruleId);
      if (!v) {
        st.unreviewed++;
        report.unreviewed.push(`${s.id}: ${findingId(f)}`);
      } else st[v.verdict]++;
    }
    for (const [fid, v] of Object.entries(verdicts)) if (!current.has(fid)) report.gone.push({ id: s.id, finding: fid, verdict: v.verdict });
    for (const m of r?.missed ?? []) {
      const st = stats(m.ruleId);
      if (m.status === 'fixed') {
        st.missedFixed++;
        if (!s.findings.some((f) => f.ruleId === m.ruleId)) report.fixedButAbsent.push(`${s.id}: ${m.ruleId}（${m.evidence}）`);
      } else if (m.status === 'explained') st.missedExplained++;
      else st.missedOpen++;
      if (!m.why?.trim()) report.malformed.push(`${s.id}: 漏报 ${m.ruleId} 须写明理由（why）`);
    }
    if (r?.infoReviewed) report.infoReviewedPages++;
  }
  return report;
}

export function precision(s: Pick<RuleStats, 'true' | 'false'>): number | null {
  const n = s.true + s.false;
  return n ? s.true / n : null;
}

export function totals(report: Report): RuleStats {
  const t = emptyStats();
  for (const s of report.perRule.values()) for (const k of Object.keys(t) as (keyof RuleStats)[]) t[k] += s[k];
  return t;
}

/**
 * A first guess at a page's capture date, for pages not reviewed yet: the newest full date its
 * text or its <meta> tags show, not after the real today. The review confirms or corrects it (PageReview.today).
 */
export function guessToday(html: string, realToday = new Date().toISOString().slice(0, 10)): string | null {
  // The text, and the dates the page's <meta> tags carry (PubDate, 发布时间) which may be newer.
  const metas = [...html.matchAll(/<meta\b[^>]*\bcontent\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]).join(' ');
  const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ') + ' ' + metas;
  let best: string | null = null;
  const re = /(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/g;
  for (let m; (m = re.exec(text)); ) {
    const [y, mo, d] = [m[1], Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (iso <= realToday && (!best || iso > best)) best = iso;
  }
  // English pages (外交部 English site): "November 29, 2018".
  const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const en = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b/gi;
  for (let m; (m = en.exec(text)); ) {
    const d = Number(m[2]);
    if (d < 1 || d > 31) continue;
    const iso = `${m[3]}-${String(MONTHS.indexOf(m[1].toLowerCase()) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (iso <= realToday && (!best || iso > best)) best = iso;
  }
  return best;
}
