/**
 * Loaders for the text rules' dictionaries (rules/dicts/*.tsv|txt|json, embedded through the
 * generated module) and the user dictionaries from the config.
 *
 * Loaders are tolerant: a malformed line is skipped and described in `warnings` (shown as a
 * diagnostic by the rules that use the list), never thrown. Formats:
 * - typos.tsv / serious.tsv / typos-extra.tsv: `wrong<TAB>right<TAB>exceptions,comma,separated<TAB>note`
 * - outdated.tsv: `old<TAB>new<TAB>since (YYYY-MM-DD)<TAB>note`
 * - reduplication.txt, traditional-chars.txt, role-labels.txt: one entry per line (characters for the latter)
 * - function-words.txt: `word<TAB>exceptions,comma,separated`
 * - title-words.txt: `word` or `word<TAB>context`
 * - placeholders.json: [{ id, pattern, flags, description, example, counterexample }]
 * Lines starting with `#` are comments.
 */
import * as G from '../dicts/generated';

export interface PairEntry {
  wrong: string;
  right: string;
  /** Longer correct strings containing `wrong`: an occurrence inside one of them is not reported. */
  exceptions: string[];
  note: string;
}

export interface OutdatedEntry {
  old: string;
  replacement: string;
  since: string;
  note: string;
}

export interface FunctionWord {
  word: string;
  exceptions: string[];
}

export interface PlaceholderPattern {
  id: string;
  re: RegExp;
  description: string;
}

export interface TitleWord {
  word: string;
  /** Shows a person-name context without being a title (同志). */
  contextOnly: boolean;
}

export interface Loaded<T> {
  entries: T[];
  warnings: string[];
}

function dataLines(text: string): { line: string; no: number }[] {
  const out: { line: string; no: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    out.push({ line, no: i + 1 });
  });
  return out;
}

const splitList = (s: string | undefined) =>
  (s ?? '')
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function parsePairs(text: string, file: string): Loaded<PairEntry> {
  const entries: PairEntry[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const { line, no } of dataLines(text)) {
    const [wrong = '', right = '', exc, note = ''] = line.split('\t').map((c) => c.trim());
    if (!wrong || !right || wrong === right) {
      warnings.push(`${file}:${no}: 需要“错误<TAB>正确”两列且二者不同，已跳过`);
      continue;
    }
    if (seen.has(wrong)) {
      warnings.push(`${file}:${no}: “${wrong}”重复，已跳过`);
      continue;
    }
    seen.add(wrong);
    const exceptions = splitList(exc);
    for (const x of exceptions)
      if (!x.includes(wrong)) warnings.push(`${file}:${no}: 例外“${x}”不包含“${wrong}”，不起作用`);
    entries.push({ wrong, right, exceptions: exceptions.filter((x) => x.includes(wrong) && x !== wrong), note });
  }
  return { entries, warnings };
}

export function parseOutdated(text: string, file: string): Loaded<OutdatedEntry> {
  const entries: OutdatedEntry[] = [];
  const warnings: string[] = [];
  for (const { line, no } of dataLines(text)) {
    const [old = '', replacement = '', since = '', note = ''] = line.split('\t').map((c) => c.trim());
    if (!old || !replacement || !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
      warnings.push(`${file}:${no}: 需要“旧称<TAB>新称<TAB>YYYY-MM-DD”，已跳过`);
      continue;
    }
    entries.push({ old, replacement, since, note });
  }
  return { entries, warnings };
}

export function parseWordList(text: string): string[] {
  return dataLines(text)
    .map(({ line }) => line.split('\t')[0].trim())
    .filter(Boolean);
}

export function parseFunctionWords(text: string, file: string): Loaded<FunctionWord> {
  const entries: FunctionWord[] = [];
  const warnings: string[] = [];
  for (const { line, no } of dataLines(text)) {
    const [word = '', exc] = line.split('\t').map((c) => c.trim());
    if (!word || /\s/.test(word)) {
      warnings.push(`${file}:${no}: 空的或含空格的虚词，已跳过`);
      continue;
    }
    entries.push({ word, exceptions: splitList(exc).filter((x) => x.includes(word + word)) });
  }
  return { entries, warnings };
}

export function parseTitleWords(text: string): TitleWord[] {
  return dataLines(text).map(({ line }) => {
    const [word, tag] = line.split('\t').map((c) => c.trim());
    return { word, contextOnly: tag === 'context' };
  });
}

export function parsePlaceholders(json: string, file: string): Loaded<PlaceholderPattern> {
  const entries: PlaceholderPattern[] = [];
  const warnings: string[] = [];
  if (!json.trim()) return { entries, warnings };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { entries, warnings: [`${file}: 不是有效的 JSON（${(e as Error).message}）`] };
  }
  const list = Array.isArray(data) ? data : Array.isArray((data as { patterns?: unknown })?.patterns) ? (data as { patterns: unknown[] }).patterns : null;
  if (!list) return { entries, warnings: [`${file}: 应为模式数组`] };
  list.forEach((item, i) => {
    const p = item as { id?: unknown; pattern?: unknown; flags?: unknown; description?: unknown };
    if (typeof p?.pattern !== 'string') {
      warnings.push(`${file}[${i}]: 缺少 pattern，已跳过`);
      return;
    }
    try {
      // Always global (we iterate) and unicode-aware when the author asked for it.
      const flags = [...new Set(((typeof p.flags === 'string' ? p.flags : '') + 'g').split(''))].join('');
      entries.push({ id: typeof p.id === 'string' ? p.id : `p${i}`, re: new RegExp(p.pattern, flags), description: typeof p.description === 'string' ? p.description : '' });
    } catch (e) {
      warnings.push(`${file}[${i}]: 无效的正则表达式（${(e as Error).message}），已跳过`);
    }
  });
  return { entries, warnings };
}

export interface BuiltinDicts {
  typos: PairEntry[];
  serious: PairEntry[];
  outdated: OutdatedEntry[];
  reduplication: Set<string>;
  functionWords: FunctionWord[];
  placeholders: PlaceholderPattern[];
  traditional: Set<string>;
  titleWords: TitleWord[];
  roleLabels: string[];
  /** Problems found while loading, per file. */
  warnings: string[];
}

let builtin: BuiltinDicts | null = null;

/** The shipped dictionaries, parsed once. */
export function builtinDicts(): BuiltinDicts {
  if (builtin) return builtin;
  const typos = parsePairs(G.TYPOS, 'typos.tsv');
  const extra = parsePairs(G.TYPOS_EXTRA, 'typos-extra.tsv');
  const serious = parsePairs(G.SERIOUS, 'serious.tsv');
  const outdated = parseOutdated(G.OUTDATED, 'outdated.tsv');
  const fw = parseFunctionWords(G.FUNCTION_WORDS, 'function-words.txt');
  const ph = parsePlaceholders(G.PLACEHOLDERS, 'placeholders.json');
  const known = new Set(typos.entries.map((e) => e.wrong));
  builtin = {
    typos: [...typos.entries, ...extra.entries.filter((e) => !known.has(e.wrong))],
    serious: serious.entries,
    outdated: outdated.entries,
    reduplication: new Set(parseWordList(G.REDUPLICATION)),
    functionWords: fw.entries,
    placeholders: ph.entries,
    traditional: new Set(parseWordList(G.TRADITIONAL_CHARS).join('')),
    titleWords: parseTitleWords(G.TITLE_WORDS),
    roleLabels: parseWordList(G.ROLE_LABELS),
    warnings: [...typos.warnings, ...extra.warnings, ...serious.warnings, ...outdated.warnings, ...fw.warnings, ...ph.warnings],
  };
  return builtin;
}

/** Tests swap the shipped dictionaries for small samples; null restores them. */
export function setBuiltinDictsForTest(d: Partial<BuiltinDicts> | null): void {
  builtin = null;
  if (d) builtin = { ...builtinDicts(), ...d };
}
