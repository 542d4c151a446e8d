/**
 * The whole config as a schema (valibot): profile, today, rules and their options, sites and
 * dictionaries, checked to the leaves, every problem in Chinese with its path —
 * `sites["cnx.gov.cn"].indexPatterns[0]: 含嵌套的重复……`. The same validator serves the CLI, the
 * options page (shown inline) and the import; a config with any problem changes nothing.
 *
 * Rule options are checked against each rule's declared defaults (`defaultOptions`): an option
 * has the type of its default (a number, a boolean, a string — a real date when the default is
 * one —, a list of strings; a `null` default is a number left unset), and unknown options are
 * problems, since a misspelt option would otherwise silently do nothing.
 *
 * Why valibot: schemas are plain functions that tree-shake (the options page and the service
 * worker pay for what they use, a few kB), issues carry the path, messages are per check; zod
 * does the same at several times the bundle size.
 */
import * as v from 'valibot';
import { PROFILE_NAMES } from './config';
import { ruleById } from './index';
import { regexProblem } from './safe-regex';
import type { Rule } from './types';

const LEVELS = ['off', 'info', 'warn', 'error'] as const;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date: `2024-13-45` and `2023-02-29` are not. */
export function isRealIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isoDate = (what = '日期') =>
  v.pipe(v.string(`${what}应为 YYYY-MM-DD 格式的字符串`), v.check(isRealIsoDate, (i) => `${what}“${i.input}”不是有效的 YYYY-MM-DD 日期`));
const text = (what: string) => v.string(`${what}应为字符串`);
const nonEmpty = (what: string) => v.pipe(text(what), v.check((s) => s.trim().length > 0, `${what}不能为空`));
const strings = (what: string) => v.array(text(what), `${what}应为字符串列表`);
const bool = (what: string) => v.boolean(`${what}应为 true 或 false`);
const count = (what: string) =>
  v.pipe(v.number(`${what}应为数字`), v.check((n) => Number.isFinite(n) && n >= 0, `${what}应为不小于 0 的数字`));

/** The schema of one option, from the type of its default. */
function optionSchema(name: string, def: unknown): v.GenericSchema {
  const what = `选项 ${name} `;
  if (def === null) return v.nullable(count(what));
  if (typeof def === 'number') return count(what);
  if (typeof def === 'boolean') return bool(what);
  if (typeof def === 'string') return ISO.test(def) ? isoDate(what) : text(what);
  if (Array.isArray(def)) return strings(what);
  return v.unknown();
}

/** Options whose value is one of a few names (a preset), checked as such rather than as any string. */
const CHOICES: Record<string, Record<string, readonly string[]>> = {
  'text/typo': { model: ['normal', 'cautious', 'off'] },
};

function optionsSchema(rule: Rule<any>): v.GenericSchema {
  const choice = (k: string, d: unknown) => {
    const names = CHOICES[rule.id]?.[k];
    return names ? v.picklist(names, `选项 ${k} 必须是 ${names.join(' / ')} 之一`) : optionSchema(k, d);
  };
  const entries = Object.fromEntries(Object.entries(rule.defaultOptions).map(([k, d]) => [k, v.optional(choice(k, d))]));
  const known = Object.keys(rule.defaultOptions);
  return v.strictObject(entries, (i) =>
    i.expected === 'never'
      ? `规则 ${rule.id} 没有选项 "${String(i.path?.at(-1)?.key)}"${known.length ? `（可用：${known.join('、')}）` : '（它没有可配置的选项）'}`
      : `规则 ${rule.id} 的选项应为对象`,
  );
}

function ruleSetting(rule: Rule<any>): v.GenericSchema {
  const level = v.picklist(LEVELS, '级别必须是 off / info / warn / error');
  return v.union([level, v.strictTuple([level]), v.strictTuple([level, optionsSchema(rule)])], '级别必须是 off / info / warn / error，或写成 [级别, 选项对象]');
}

function rulesSchema(rules: ReadonlyMap<string, Rule<any>>): v.GenericSchema {
  const entries = Object.fromEntries([...rules.values()].map((r) => [r.id, v.optional(ruleSetting(r))]));
  return v.strictObject(entries, (i) => (i.expected === 'never' ? `未知的规则 "${String(i.path?.at(-1)?.key)}"` : 'rules 应为对象（规则编号 → 设置）'));
}

const userRegex = v.pipe(
  v.string('应为正则表达式字符串'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const p = regexProblem(dataset.value);
    if (p?.kind === 'syntax') addIssue({ message: `不是合法的正则表达式（${p.detail}）` });
    if (p?.kind === 'nested') addIssue({ message: '含嵌套的重复（如 (a+)+），遇到不匹配的索引号时可能让检查卡住几分钟：请去掉外层的 + 或 *' });
  }),
);

function siteSchema(rules: ReadonlyMap<string, Rule<any>>): v.GenericSchema {
  return v.strictObject(
    {
      indexPatterns: v.optional(v.array(userRegex, 'indexPatterns 应为正则表达式列表')),
      requiredFields: v.optional(strings('必填字段')),
      columnClasses: v.optional(v.record(v.string(), strings('栏目关键词'), 'columnClasses 应为对象（类别 → 关键词列表）')),
      columnMaxAge: v.optional(v.record(v.string(), count('栏目更新期限（天）'), 'columnMaxAge 应为对象（类别 → 天数）')),
      fieldAliases: v.optional(v.record(v.string(), nonEmpty('字段别名'), 'fieldAliases 应为对象（页面上的标签 → 规范字段名）')),
      traditional: v.optional(bool('traditional ')),
      requireDisclosure: v.optional(bool('requireDisclosure ')),
      autoAudit: v.optional(bool('autoAudit ')),
      rules: v.optional(rulesSchema(rules)),
    },
    (i) => (i.expected === 'never' ? `未知的站点设置 "${String(i.path?.at(-1)?.key)}"` : '站点设置应为对象'),
  );
}

const hostKey = v.pipe(
  v.string(),
  v.check((k) => /^(\*\.)?[a-z0-9\u0080-\uffff-]+(\.[a-z0-9\u0080-\uffff-]+)*(:\d+)?$/i.test(k), (i) => `站点名“${i.input}”应为主机名，如 cnx.gov.cn`),
);

const dictionaries = v.strictObject(
  {
    typos: v.optional(v.array(v.strictObject({ wrong: nonEmpty('错误写法 wrong '), right: text('正确写法 right ') }, '每条应为 { "wrong": …, "right": … }'), 'typos 应为列表')),
    whitelist: v.optional(strings('白名单')),
    sensitive: v.optional(strings('敏感词')),
    leaders: v.optional(
      v.array(
        v.strictObject({ name: nonEmpty('姓名 name '), title: text('职务 title '), since: v.optional(isoDate('任职日期 since ')) }, '每条应为 { "name": …, "title": …, "since"?: … }'),
        'leaders 应为列表',
      ),
    ),
  },
  (i) => (i.expected === 'never' ? `未知的词典 "${String(i.path?.at(-1)?.key)}"` : 'dictionaries 应为对象'),
);

function configSchema(rules: ReadonlyMap<string, Rule<any>>): v.GenericSchema {
  const object = v.custom<object>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), '配置必须是一个 JSON 对象');
  return v.pipe(object, v.strictObject(
    {
      $schema: v.optional(v.string()),
      $comment: v.optional(v.string()),
      profile: v.optional(v.picklist(PROFILE_NAMES, `必须是 ${PROFILE_NAMES.join(' / ')} 之一`)),
      today: v.optional(isoDate('today ')),
      rules: v.optional(rulesSchema(rules)),
      sites: v.optional(v.record(hostKey, siteSchema(rules), 'sites 应为对象（主机名 → 站点设置）')),
      dictionaries: v.optional(dictionaries),
    },
    (i) => (i.expected === 'never' ? `未知的配置项 "${String(i.path?.at(-1)?.key)}"` : '配置必须是一个 JSON 对象'),
  ));
}

/**
 * A union that failed says only "none of these": when one branch got further into the value
 * (a valid level, then a bad option), its deeper issues are what the user needs to read.
 */
function specific(issues: readonly v.BaseIssue<unknown>[]): v.BaseIssue<unknown>[] {
  return issues.flatMap((issue) => {
    if (issue.type !== 'union' || !issue.issues?.length) return [issue];
    // A branch's issues have paths relative to the union's value.
    const depth = (i: v.BaseIssue<unknown>) => i.path?.length ?? 0;
    const deepest = Math.max(...issue.issues.map(depth));
    if (deepest < 2) return [issue];
    const within = issue.issues.filter((i) => depth(i) === deepest).map((i) => ({ ...i, path: [...(issue.path ?? []), ...(i.path ?? [])] }) as v.BaseIssue<unknown>);
    return specific(within);
  });
}

const cache = new WeakMap<ReadonlyMap<string, Rule<any>>, v.GenericSchema>();

/** `sites["cnx.gov.cn"].indexPatterns[0]`: dots for plain names, brackets for the rest. */
export function formatPath(path: readonly { key: unknown }[] | undefined): string {
  let out = '';
  for (const { key } of path ?? []) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/**
 * Checks a config object (from a file, the options page or storage). Returns every problem in
 * Chinese with its path; an empty list means it is valid.
 */
export function validateConfig(value: unknown, rules: ReadonlyMap<string, Rule<any>> = ruleById): string[] {
  let schema = cache.get(rules);
  if (!schema) cache.set(rules, (schema = configSchema(rules)));
  const result = v.safeParse(schema, value, { abortEarly: false, abortPipeEarly: true });
  if (result.success) return [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const issue of specific(result.issues)) {
    // An unknown key's issue points at the key itself; say where it sits, not the key twice.
    const path = issue.expected === 'never' ? formatPath(issue.path?.slice(0, -1)) : formatPath(issue.path);
    const line = path ? `${path}: ${issue.message}` : issue.message;
    if (!seen.has(line)) problems.push(line), seen.add(line);
  }
  return problems;
}
