/**
 * One matcher for every dictionary the text rules look up (typos, serious errors, outdated
 * terms, sensitive words; shipped lists merged with the user's), and one scan of each page
 * shared by those rules: text/typo, text/serious-error, text/outdated-term and text/sensitive
 * read the same hits instead of scanning the body four times.
 *
 * The set is cached by the user dictionaries' identity and content, so it is rebuilt only when
 * they change (or when tests swap the shipped lists).
 */
import type { PageModel, UserDictionaries } from '../types';
import { builtinDicts, type BuiltinDicts, type OutdatedEntry, type PairEntry } from './dicts';
import { getMatcher, type Matcher } from './matcher';

export type Role =
  | { kind: 'typo'; entry: PairEntry; whitelist: string[] }
  | { kind: 'serious'; entry: PairEntry; whitelist: string[] }
  | { kind: 'outdated'; entry: OutdatedEntry; whitelist: string[] }
  | { kind: 'sensitive'; word: string; whitelist: string[] };

export interface DictSet {
  matcher: Matcher;
  /** Roles of each matcher pattern, by pattern id. */
  roles: Role[][];
  builtin: BuiltinDicts;
}

export interface Hit {
  block: number;
  start: number;
  end: number;
  roles: Role[];
}

const byUser = new WeakMap<UserDictionaries, { builtin: BuiltinDicts; set: DictSet }>();
const byContent = new Map<string, DictSet>();

export function dictSetFor(user: UserDictionaries): DictSet {
  const b = builtinDicts();
  const cached = byUser.get(user);
  if (cached && cached.builtin === b) return cached.set;
  const key = JSON.stringify([user.typos ?? [], user.whitelist ?? [], user.sensitive ?? []]);
  let set = byContent.get(key);
  if (!set || set.builtin !== b) {
    set = build(b, user);
    if (byContent.size >= 8) byContent.delete(byContent.keys().next().value as string);
    byContent.set(key, set);
  }
  byUser.set(user, { builtin: b, set });
  return set;
}

function build(b: BuiltinDicts, user: UserDictionaries): DictSet {
  const whitelist = (user.whitelist ?? []).map((w) => w.trim()).filter(Boolean);
  const wlFor = (word: string) => whitelist.filter((w) => w.includes(word));
  const index = new Map<string, number>();
  const patterns: string[] = [];
  const roles: Role[][] = [];
  const add = (word: string, role: Role) => {
    if (!word) return;
    let id = index.get(word);
    if (id === undefined) {
      id = patterns.length;
      index.set(word, id);
      patterns.push(word);
      roles.push([]);
    }
    roles[id].push(role);
  };
  const userTypos: PairEntry[] = (user.typos ?? [])
    .filter((t) => t && t.wrong && t.right && t.wrong !== t.right)
    .map((t) => ({ wrong: t.wrong.trim(), right: t.right.trim(), exceptions: [], note: '用户词典' }));
  // A user pair replaces a shipped pair for the same wrong form.
  const userWrong = new Set(userTypos.map((t) => t.wrong));
  for (const e of [...b.typos.filter((t) => !userWrong.has(t.wrong)), ...userTypos]) add(e.wrong, { kind: 'typo', entry: e, whitelist: wlFor(e.wrong) });
  for (const e of b.serious) add(e.wrong, { kind: 'serious', entry: e, whitelist: wlFor(e.wrong) });
  for (const e of b.outdated) add(e.old, { kind: 'outdated', entry: e, whitelist: wlFor(e.old) });
  for (const w of user.sensitive ?? []) {
    const word = w.trim();
    if (word) add(word, { kind: 'sensitive', word, whitelist: wlFor(word) });
  }
  return { matcher: getMatcher(patterns), roles, builtin: b };
}

const scans = new WeakMap<PageModel, Map<DictSet, Hit[]>>();

/** Every dictionary hit in the page body (headline block included), cached per page and set. */
export function scanPage(model: PageModel, set: DictSet): Hit[] {
  let perSet = scans.get(model);
  if (!perSet) scans.set(model, (perSet = new Map()));
  let hits = perSet.get(set);
  if (hits) return hits;
  const out: Hit[] = [];
  model.body.forEach((block, bi) => {
    set.matcher.scan(block.text, (start, end, id) => out.push({ block: bi, start, end, roles: set.roles[id] }));
  });
  // Page order: block, then start offset (the matcher reports by end offset).
  out.sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end);
  perSet.set(set, out);
  return out;
}

/** True when one of `words` (each containing the match) covers text[start, end). */
export function coveredBy(text: string, start: number, end: number, matched: string, words: readonly string[]): boolean {
  for (const w of words) {
    for (let k = w.indexOf(matched); k >= 0; k = w.indexOf(matched, k + 1)) {
      const at = start - k;
      if (at >= 0 && at + w.length >= end && text.startsWith(w, at)) return true;
    }
  }
  return false;
}
