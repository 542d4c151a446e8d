/**
 * G. Columns (栏目): stale columns, empty columns, undated and future-dated items on listing
 * pages. Source: 检查指标 (国办秘函〔2019〕19号) 单项否决 '栏目不更新' and '空白栏目'; 2015 普查
 * (国办发〔2015〕15号): items without a date count as not updated. The column class and its
 * allowed age come from rules/dicts/column-classes.json, which sites extend (SiteConfig
 * columnClasses / columnMaxAge).
 */
import { defineRule } from './define';
import classData from './dicts/column-classes.json';
import { daysBetween } from './date-parse';
import { isLaterPage } from './page/listing';
import type { ListingItem, PageModel, SiteConfig } from './types';

const REF_2019 = '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决：栏目不更新、空白栏目';
const REF_2015 = '《全国政府网站普查评分表》（国办发〔2015〕15号）：未注明信息发布时间的视为不更新';

export interface ColumnClass {
  /** Class id: news, notice, home, a site-defined name, or other. */
  id: string;
  /** Chinese title shown in findings (动态要闻类 …). */
  title: string;
  /** Allowed age of the newest item in days; null: the class has no update duty. */
  maxAgeDays: number | null;
}

interface ClassDef {
  title: string;
  maxAgeDays: number | null;
  keywords: string[];
}

const DEFAULT_CLASSES: Record<string, ClassDef> = classData.classes;
/** The class id for news-like columns (2-week rule); the site summary counts these apart. */
export const NEWS_CLASS = 'news';
export const HOME_CLASS = 'home';

/**
 * The class of a column name: the class of the longest keyword the name contains. A site's own
 * keywords (SiteConfig.columnClasses, keyed by class id or title, or a new class name) count
 * like the shipped ones and win ties.
 */
export function classifyColumn(name: string | null, opts: { home?: boolean; site?: SiteConfig; otherMaxAgeDays?: number | null } = {}): ColumnClass {
  const site = opts.site ?? {};
  const ageOf = (id: string, def: number | null) => site.columnMaxAge?.[id] ?? site.columnMaxAge?.[DEFAULT_CLASSES[id]?.title ?? id] ?? def;
  if (opts.home) return { id: HOME_CLASS, title: DEFAULT_CLASSES.home.title, maxAgeDays: ageOf(HOME_CLASS, DEFAULT_CLASSES.home.maxAgeDays) };
  let best: { id: string; len: number } | null = null;
  const consider = (id: string, kw: string, siteOwn: boolean) => {
    if (!kw || !name || !name.includes(kw)) return;
    if (!best || kw.length > best.len || (kw.length === best.len && siteOwn)) best = { id, len: kw.length };
  };
  for (const [id, def] of Object.entries(DEFAULT_CLASSES)) for (const kw of def.keywords) consider(id, kw, false);
  for (const [key, kws] of Object.entries(site.columnClasses ?? {})) {
    const id = Object.entries(DEFAULT_CLASSES).find(([cid, d]) => cid === key || d.title === key)?.[0] ?? key;
    for (const kw of kws) consider(id, kw, true);
  }
  const found = best as { id: string; len: number } | null;
  if (!found) return { id: 'other', title: '其他', maxAgeDays: ageOf('other', opts.otherMaxAgeDays ?? null) };
  const def = DEFAULT_CLASSES[found.id];
  return { id: found.id, title: def?.title ?? found.id, maxAgeDays: ageOf(found.id, def?.maxAgeDays ?? opts.otherMaxAgeDays ?? null) };
}

/** The column's name: the model's column (breadcrumb tail / ColumnName), else the heading, else the title's first part. */
export function columnName(model: PageModel): string {
  if (model.kind === 'home') return '首页';
  // On a list page the heading repeats the breadcrumb's last step (部门动态 … <h2>部门动态</h2>):
  // that step is the column, not a parent of it.
  const tail = model.breadcrumb[model.breadcrumb.length - 1];
  if (model.kind === 'listing' && model.breadcrumb.length > 1 && tail && tail === model.headline) return tail;
  return (
    model.column ||
    model.meta.ColumnName ||
    model.headline ||
    model.title.split(/\s*[-_|｜—–]\s*/)[0] ||
    model.url
  );
}

function columnPath(model: PageModel, name: string): string {
  return model.breadcrumb.length > 1 ? model.breadcrumb.join('>') : name;
}

function newestOf(items: ListingItem[]): ListingItem | null {
  let best: ListingItem | null = null;
  for (const it of items) if (it.date && (!best || it.date > best.date!)) best = it;
  return best;
}

/** A column as the 检查指标 table shows it: its class and age limit, its newest item and the verdict. */
export interface ColumnStatus {
  name: string;
  /** Breadcrumb path (首页>信息公开>通知公告) or the name. */
  path: string;
  classId: string;
  classTitle: string;
  maxAgeDays: number | null;
  /** ISO date of the newest dated item. */
  newest: string | null;
  newestItem: ListingItem | null;
  /** Days from the newest item to today. */
  age: number | null;
  /**
   * fresh / stale: by the class's limit; undated: items without any date (counted as not updated);
   * empty: no item, the page says so (暂无信息); unknown: no item and no such text, or a script fills
   * the list; unchecked: the class has no update duty.
   */
  verdict: 'fresh' | 'stale' | 'undated' | 'empty' | 'unknown' | 'unchecked';
  items: number;
}

/**
 * The status of the column a page is the first page of (a listing or the homepage); null for other
 * pages and for a column's later pages (its newest item is on page 1). column/stale and column/empty
 * report from it; the sweep's 检查指标 table lists it for every column.
 */
export function columnStatus(model: PageModel, opts: { today: string; site?: SiteConfig; otherMaxAgeDays?: number | null }): ColumnStatus | null {
  const listing = model.listing;
  if (!listing || (model.kind !== 'listing' && model.kind !== 'home') || isLaterPage(model.url)) return null;
  const name = columnName(model);
  const cls = classifyColumn(name, { home: model.kind === 'home', site: opts.site, otherMaxAgeDays: opts.otherMaxAgeDays });
  const newestItem = newestOf(listing.items);
  const age = newestItem ? daysBetween(newestItem.date!, opts.today) : null;
  let verdict: ColumnStatus['verdict'];
  if (listing.items.length === 0) verdict = listing.emptyText && !listing.filledByScript && model.kind === 'listing' ? 'empty' : 'unknown';
  else if (cls.maxAgeDays === null) verdict = 'unchecked';
  else if (!newestItem) verdict = 'undated';
  else verdict = age! > cls.maxAgeDays ? 'stale' : 'fresh';
  return {
    name,
    path: columnPath(model, name),
    classId: cls.id,
    classTitle: cls.title,
    maxAgeDays: cls.maxAgeDays,
    newest: newestItem?.date ?? null,
    newestItem,
    age,
    verdict,
    items: listing.items.length,
  };
}

/**
 * The homepage's boxes that show a named column (ListingItem.block), each judged by its own class:
 * the homepage is updated when any box is, but a 工作动态 box whose newest item is a month old is a
 * stale column however fresh the reprinted national news beside it. Boxes without a dated item, or
 * whose class has no update duty, are left to the column's own page.
 */
export function homeBlockStatuses(model: PageModel, opts: { today: string; site?: SiteConfig }): ColumnStatus[] {
  if (model.kind !== 'home' || !model.listing) return [];
  const byName = new Map<string, ListingItem[]>();
  for (const it of model.listing.items) {
    if (!it.block) continue;
    const list = byName.get(it.block);
    if (list) list.push(it);
    else byName.set(it.block, [it]);
  }
  const out: ColumnStatus[] = [];
  for (const [name, items] of byName) {
    const cls = classifyColumn(name, { site: opts.site });
    const newestItem = newestOf(items);
    if (cls.maxAgeDays === null || !newestItem) continue;
    const age = daysBetween(newestItem.date!, opts.today);
    out.push({
      name,
      path: `首页>${name}`,
      classId: cls.id,
      classTitle: cls.title,
      maxAgeDays: cls.maxAgeDays,
      newest: newestItem.date,
      newestItem,
      age,
      verdict: age > cls.maxAgeDays ? 'stale' : 'fresh',
      items: items.length,
    });
  }
  return out;
}

const stale = defineRule({
  id: 'column/stale',
  category: 'column',
  defaultLevel: 'error',
  kinds: ['listing', 'home'],
  meta: {
    title: { zh: '栏目不更新', en: 'Column not updated' },
    description:
      '栏目最新信息的发布日期早于该类栏目允许的更新周期：动态要闻类 14 天，通知公告/政策文件类 6 个月（183 天），首页 14 天；其他类可配置。未标注日期的栏目视为不更新。首页上能由页面链接认出所属栏目的信息框（如“工作动态”），按该栏目的类别单独判断。',
    reference: `${REF_2019}；${REF_2015}`,
    messages: {
      stale: {
        zh: '栏目“{column}”（{class}）最新信息发布于 {newest}，已 {age} 天未更新，超过 {maxAge} 天的要求 {over} 天',
        en: 'Column "{column}" ({class}): newest item {newest}, {age} days ago, {over} days over the {maxAge}-day limit',
      },
      staleBlock: {
        zh: '首页“{column}”栏目（{class}）最新信息发布于 {newest}，已 {age} 天未更新，超过 {maxAge} 天的要求 {over} 天',
        en: 'Homepage box "{column}" ({class}): newest item {newest}, {age} days ago, {over} days over the {maxAge}-day limit',
      },
      undated: {
        zh: '栏目“{column}”（{class}）的信息均未标注发布日期，视为不更新（要求 {maxAge} 天内更新）',
        en: 'Column "{column}" ({class}): no item shows a date, counted as not updated ({maxAge}-day limit)',
      },
    },
  },
  defaultOptions: {
    /** Allowed age in days for columns that match no class; null leaves them unchecked. */
    otherMaxAgeDays: null as number | null,
  },
  check(model, ctx) {
    for (const b of homeBlockStatuses(model, { today: ctx.today, site: ctx.site })) {
      if (b.verdict !== 'stale') continue;
      const newest = b.newestItem!;
      ctx.report({
        messageId: 'staleBlock',
        data: { column: b.name, class: b.classTitle, classId: b.classId, maxAge: b.maxAgeDays!, columnPath: b.path, homeBlock: 1, newest: newest.date!, age: b.age!, over: b.age! - b.maxAgeDays! },
        excerpt: `${b.name}：最新一条“${newest.title}” ${newest.dateText ?? newest.date}`,
        selector: newest.selector,
        key: `stale:${b.name}`,
      });
    }
    const status = columnStatus(model, { today: ctx.today, site: ctx.site, otherMaxAgeDays: ctx.options.otherMaxAgeDays });
    if (!status || status.maxAgeDays === null || (status.verdict !== 'stale' && status.verdict !== 'undated')) return;
    const listing = model.listing!;
    const base = { column: status.name, class: status.classTitle, classId: status.classId, maxAge: status.maxAgeDays, columnPath: status.path };
    if (status.verdict === 'undated') {
      ctx.report({
        messageId: 'undated',
        data: base,
        excerpt: `${status.name}：${listing.items.slice(0, 3).map((i) => i.title).join('；')}`,
        selector: listing.selector ?? undefined,
        key: 'stale',
      });
      return;
    }
    const newest = status.newestItem!;
    const age = status.age!;
    // A list sorted oldest first with more pages may have its newest item on a later page.
    const dated = listing.items.filter((i) => i.date);
    const ascending = dated.length >= 2 && dated[0].date! < dated[dated.length - 1].date!;
    const morePages = (listing.paging.totalPages ?? 1) > 1 || !!listing.paging.nextUrl;
    ctx.report({
      messageId: 'stale',
      data: { ...base, newest: newest.date!, age, over: age - status.maxAgeDays },
      excerpt: `${status.name}：最新一条“${newest.title}” ${newest.dateText ?? newest.date}`,
      selector: newest.selector,
      key: 'stale',
      certainty: ascending && morePages ? 'suspected' : 'certain',
    });
  },
});

const empty = defineRule({
  id: 'column/empty',
  category: 'column',
  defaultLevel: 'error',
  kinds: ['listing'],
  meta: {
    title: { zh: '空白栏目', en: 'Empty column' },
    description: '栏目没有任何信息，或只显示“暂无信息 / 暂无数据 / 正在建设中 / 栏目建设中 / 没有记录”等（空白栏目 ≥5 个为单项否决）。',
    reference: REF_2019,
    messages: {
      empty: { zh: '栏目“{column}”为空白栏目：页面显示“{text}”', en: 'Column "{column}" is empty: the page shows "{text}"' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const listing = model.listing;
    // A list a script fills is unknown in the static page, not empty (its 暂无 text may be the loading one).
    if (!listing || listing.items.length > 0 || !listing.emptyText || listing.filledByScript || isLaterPage(model.url)) return;
    const name = columnName(model);
    ctx.report({
      messageId: 'empty',
      data: { column: name, text: listing.emptyText, columnPath: columnPath(model, name) },
      excerpt: `${name}：${listing.emptyText}`,
      selector: listing.selector ?? undefined,
      key: 'empty',
    });
  },
});

const undatedItems = defineRule({
  id: 'column/undated-items',
  category: 'column',
  defaultLevel: 'warn',
  kinds: ['listing'],
  meta: {
    title: { zh: '列表信息未标注日期', en: 'Listing items without a date' },
    description: '栏目列表中的信息没有显示发布日期（未注明发布时间的信息视为不更新）。链接的 title 属性或网址里的日期读者看不到，不算显示了日期；整个列表都没有日期时，只查名称属于动态要闻类、通知公告/政策文件类的栏目（导航菜单、链接目录不算）。',
    reference: REF_2015,
    messages: {
      undated: {
        zh: '栏目“{column}”中有 {count} 条信息（共 {total} 条）未标注发布日期，如“{example}”',
        en: 'Column "{column}": {count} of {total} items show no date, e.g. "{example}"',
      },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const items = model.listing?.items ?? [];
    // An item with a date-shaped but impossible date has a date; date rules deal with it.
    const undated = items.filter((i) => !i.date && !i.dateText);
    if (undated.length === 0) return;
    const name = columnName(model);
    // A list where no item shows a date is a finding only when it is a news or notice column
    // (by its name): a link list under another name may be a menu or a directory.
    if (undated.length === items.length && classifyColumn(name, { site: ctx.site }).id === 'other') return;
    ctx.report({
      messageId: 'undated',
      data: { column: name, count: undated.length, total: items.length, example: undated[0].title },
      excerpt: undated
        .slice(0, 3)
        .map((i) => i.title)
        .join('；'),
      selector: undated[0].selector,
      key: 'undated',
    });
  },
});

const futureItem = defineRule({
  id: 'column/future-item',
  category: 'column',
  defaultLevel: 'warn',
  kinds: ['listing', 'home'],
  meta: {
    title: { zh: '列表信息日期晚于今天', en: 'Listing item dated in the future' },
    description: '栏目列表中信息的发布日期晚于今天（检查指标：伪造发稿日期为单项否决）。',
    reference: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决：严重错误（伪造发稿日期）',
    messages: {
      future: {
        zh: '栏目“{column}”中的“{title}”日期为 {date}，晚于今天 {days} 天',
        en: 'Column "{column}": "{title}" is dated {date}, {days} days after today',
      },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const name = columnName(model);
    for (const it of model.listing?.items ?? []) {
      if (!it.date || it.date <= ctx.today) continue;
      ctx.report({
        messageId: 'future',
        data: { column: name, title: it.title, date: it.date, days: daysBetween(ctx.today, it.date), ...(it.href ? { href: it.href } : {}) },
        excerpt: `${it.title} ${it.dateText ?? it.date}`,
        selector: it.selector,
        key: it.href ?? it.title,
      });
    }
  },
});

export const columnRules = [stale, empty, undatedItems, futureItem];
