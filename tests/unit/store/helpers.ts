/** Test helpers for the store: a fresh in-memory IndexedDB per test and plausible findings. */
import { IDBFactory } from 'fake-indexeddb';
import type { Finding } from '../../../rules/types';
import { openStore, type OpenOptions, type PageInput } from '../../../utils/db';

export function freshFactory() {
  return new IDBFactory();
}

export async function freshStore(opts: OpenOptions = {}) {
  const factory = opts.factory ?? freshFactory();
  const store = await openStore({ ...opts, factory });
  return { store, factory };
}

export function page(url: string, extra: Partial<PageInput> = {}): PageInput {
  const u = new URL(url);
  return {
    url,
    site: u.origin,
    host: u.hostname,
    title: '关于印发某某办法的通知_某某县人民政府',
    headline: '关于印发某某办法的通知',
    column: '通知公告',
    kind: 'detail',
    indexNumber: null,
    ...extra,
  };
}

export function finding(url: string, ruleId: string, key: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    level: 'error',
    certainty: 'certain',
    category: ruleId.split('/')[0] as Finding['category'],
    message: `问题 ${ruleId} ${key}`,
    messageId: 'x',
    excerpt: `摘录 ${key}`,
    suggestion: '请修改',
    url,
    key,
    ...extra,
  };
}
