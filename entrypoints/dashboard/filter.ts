/** The dashboard's filter: from the page's address, cleaned for the store, and as a person reads it. */
import { STATUSES, type FindingFilter, type FindingStatus } from '../../utils/db';
import { LEVEL_LABEL, STATUS_LABEL } from '../../utils/labels';

/** The cover's 范围 for a filtered export: the filter as a person reads it. */
export function describeFilter(f: FindingFilter, ruleTitle: (id: string) => string): string {
  const list = <T,>(v: T | T[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const parts: string[] = [];
  if (f.url) parts.push(`页面 ${f.url}`);
  if (f.site) parts.push(`网站 ${list(f.site).join('、')}`);
  if (f.column !== undefined) parts.push(`栏目 ${list(f.column).map((c) => c ?? '（未识别栏目）').join('、')}`);
  if (f.ruleId) parts.push(`问题类型 ${list(f.ruleId).map(ruleTitle).join('、')}`);
  if (f.level) parts.push(`级别 ${list(f.level).map((l) => LEVEL_LABEL.zh[l]).join('、')}`);
  if (f.status) parts.push(`状态 ${list(f.status).map((x) => STATUS_LABEL.zh[x]).join('、')}`);
  if (f.text) parts.push(`含“${f.text}”`);
  if (f.from || f.to) parts.push('按检查时间');
  return parts.join('；') || '全部问题';
}

export function initialFilter(): FindingFilter {
  const q = new URLSearchParams(location.search);
  const f: FindingFilter = {};
  if (q.get('url')) f.url = q.get('url')!;
  if (q.get('site')) f.site = q.get('site')!;
  const st = q.get('status');
  if (st !== 'all') f.status = (STATUSES.includes(st as FindingStatus) ? st : 'open') as FindingStatus;
  return f;
}

/** Removes empty values so the store can pick its fastest index. */
export function clean(f: FindingFilter): FindingFilter {
  const out: FindingFilter = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') (out as Record<string, unknown>)[k] = v;
  return out;
}

export const dayStart = (s: string) => (s ? new Date(s + 'T00:00:00').getTime() : undefined);
export const dayEnd = (s: string) => (s ? new Date(s + 'T23:59:59.999').getTime() : undefined);
