/**
 * The options page's plain-text forms of the user dictionaries, as editors keep them in a
 * document: one entry per line. Parsing reports the lines it cannot read instead of guessing.
 */
import type { LeaderEntry, UserDictionaries } from '../rules/types';

export interface Parsed<T> {
  value: T;
  problems: string[];
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l, i) => ({ n: i + 1, l: l.trim() }))
    .filter(({ l }) => l && !l.startsWith('#'));

/** `错词 正词` or `错词→正词` / `错词,正词` per line. */
export function parseTypos(text: string): Parsed<NonNullable<UserDictionaries['typos']>> {
  const value: { wrong: string; right: string }[] = [];
  const problems: string[] = [];
  for (const { n, l } of lines(text)) {
    const parts = l.split(/\s*(?:→|->|=>|,|，|\t|\s)\s*/).filter(Boolean);
    if (parts.length !== 2 || parts[0] === parts[1]) problems.push(`错别字第 ${n} 行无法识别：“${l}”（格式：错词 正词）`);
    else value.push({ wrong: parts[0], right: parts[1] });
  }
  return { value, problems };
}

export function parseWords(text: string): string[] {
  return [...new Set(lines(text).map(({ l }) => l))];
}

/** `姓名 职务 [任职日期]` per line. */
export function parseLeaders(text: string): Parsed<LeaderEntry[]> {
  const value: LeaderEntry[] = [];
  const problems: string[] = [];
  for (const { n, l } of lines(text)) {
    const [name, title, since] = l.split(/[\s,，\t]+/);
    if (!name || !title || (since && !/^\d{4}-\d{2}-\d{2}$/.test(since))) problems.push(`领导名单第 ${n} 行无法识别：“${l}”（格式：姓名 职务 [YYYY-MM-DD]）`);
    else value.push(since ? { name, title, since } : { name, title });
  }
  return { value, problems };
}

export function typosText(d: UserDictionaries): string {
  return (d.typos ?? []).map((t) => `${t.wrong} ${t.right}`).join('\n');
}

export function leadersText(d: UserDictionaries): string {
  return (d.leaders ?? []).map((l) => [l.name, l.title, l.since].filter(Boolean).join(' ')).join('\n');
}
