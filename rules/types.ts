/**
 * The engine's contract: what rules see (PageModel), what they return (Finding),
 * what they are (Rule) and how they are configured (Config).
 * Pure types, no browser API: this file is shared by the service worker, the
 * extension pages, the CLI and the tests. See ../shared/DESIGN.md.
 */

export type Level = 'error' | 'warn' | 'info';
export type LevelSetting = Level | 'off';
/** `suspected` (疑似) is for what a machine cannot decide alone: context-dependent typos, timeouts. */
export type Certainty = 'certain' | 'suspected';

export type Category =
  | 'catalog'
  | 'index-number'
  | 'doc-number'
  | 'disclosure'
  | 'validity'
  | 'date'
  | 'meta'
  | 'footer'
  | 'column'
  | 'interaction'
  | 'link'
  | 'text'
  | 'privacy';

export type PageKind = 'detail' | 'article' | 'listing' | 'home' | 'other';

/** A block of the main content's text (a paragraph, a heading, a table cell run). */
export interface TextBlock {
  /** CSS selector that finds the block's element again in the page. */
  selector: string;
  /** Whitespace-normalised text of the block. */
  text: string;
  /** Lower-case tag name of the element (p, h1, td, div …). */
  tag: string;
  /** True for the article's own headline block. */
  headline?: boolean;
}

/** One label/value pair of the 信息公开 catalogue box. */
export interface CatalogField {
  /** Canonical field name after alias folding (发布机构, 成文日期, 文号 …); the label itself when unknown. */
  name: string;
  /** The label as the page shows it, spaces and colon removed (发文机关). */
  label: string;
  /** The value, whitespace-normalised; '' when the page shows the label with nothing after it. */
  value: string;
  selector: string;
  /** The value cell shows no text but a script fills it (a hidden input's value, a script in it): unknown, not empty. */
  filledByScript?: true;
}

export interface ListingItem {
  title: string;
  href: string | null;
  /** ISO date (YYYY-MM-DD) when one could be read, else null. */
  date: string | null;
  /** The date as the page wrote it. */
  dateText: string | null;
  selector: string;
  /** On a homepage: the column the item's box shows (新闻动态), when a link on the page names it (rules/page/home-blocks.ts). */
  block?: string;
}

export interface Listing {
  items: ListingItem[];
  /** Text such as 暂无信息 shown instead of items, when present. */
  emptyText: string | null;
  /** Paging hints: total pages when the page says 共N页, and the next page's URL when linked. */
  paging: { totalPages: number | null; nextUrl: string | null };
  selector: string | null;
  /** True when the page's script fills the list (an empty container a script writes into, template placeholders): its items are unknown, not absent. */
  filledByScript?: boolean;
}

/** A 留言/咨询 message with its reply, from interaction lists and detail pages. */
export interface InteractionItem {
  title: string;
  href: string | null;
  /** ISO date the message was sent. */
  askedDate: string | null;
  /** ISO date of the reply, null when none is shown. */
  repliedDate: string | null;
  /** Status text as shown (未回复, 已回复, 办理中 …), null when none. */
  status: string | null;
  selector: string;
}

export interface PageLink {
  /** Absolute URL. */
  url: string;
  kind: 'a' | 'img' | 'attachment';
  /** Link text, or the image's alt. */
  text: string;
  selector: string;
}

export interface Footer {
  text: string;
  links: PageLink[];
  /** Image sources (absolute) and alts in the footer: the 党政机关网站标识 is often an image. */
  images: { src: string; alt: string }[];
  selector: string | null;
}

export interface PageModel {
  url: string;
  /** Origin (scheme://host[:port]). */
  site: string;
  /** Host name, lower-case, without port. */
  host: string;
  /** `<title>` text. */
  title: string;
  /** The article's own title (h1 or the ArticleTitle meta), '' when none. */
  headline: string;
  /** `<html lang>`, lower-case, '' when none. */
  lang: string;
  charset: string;
  /** `<meta name=…>` map; names as written (SiteName, ColumnName …). */
  meta: Record<string, string>;
  /** Breadcrumb trail without its lead-in (当前位置：): ['首页', '信息公开', '通知公告']. */
  breadcrumb: string[];
  /** The column name: breadcrumb tail, ColumnName meta or list heading. */
  column: string | null;
  /** Catalogue box fields in page order. */
  fields: CatalogField[];
  /** Main-content blocks; nav, menus, breadcrumb, catalogue box and footer excluded. The headline block comes first when there is one. */
  body: TextBlock[];
  listing: Listing | null;
  interaction: InteractionItem[];
  footer: Footer | null;
  links: PageLink[];
  /** Absolute `<script src>` URLs: badges such as the conac 党政机关网站标识 are often drawn by one. */
  scripts: string[];
  /** URLs and element ids that inline scripts write or reference (unescaped: `document.write(unescape("%3Cspan id='_ideConac'…"))`), and `<script>` ids: script-written badges. */
  scriptRefs?: string[];
  /**
   * The page's frames as the browser snapshot gave them: audited (read as part of the page, inside
   * a govlint-frame element) or not (another origin: the content script could not read it).
   */
  /** A site-search results page (rules/page/search.ts): its snippets are other pages' text, not this page's. */
  searchResults?: boolean;
  frames?: { url: string; audited: boolean; /** The govlint-frame's id, which the selectors of what is inside it start with. */ id?: string }[];
  kind: PageKind;
}

/** What a rule reports; the engine completes it into a Finding. */
export interface Report {
  /** Key into the rule's meta.messages. */
  messageId: string;
  /** Values for the message's {placeholders}; they stay with the finding for translation. */
  data?: Record<string, string | number>;
  /** The text the problem is in, cut to a readable length (the engine cuts to 300 chars). */
  excerpt: string;
  suggestion?: string;
  field?: string;
  selector?: string;
  /** Offset of the problem in the block's text, for highlighting. */
  textOffset?: number;
  /** Length of the highlighted text at textOffset. */
  textLength?: number;
  /** What makes this finding itself, stable across re-audits (field name, matched text + occurrence, link URL). */
  key: string;
  certainty?: Certainty;
  /** Move the configured level up (+1) or down (-1): a typo in a headline, an optional field. */
  levelShift?: -1 | 1;
}

export interface Finding {
  ruleId: string;
  level: Level;
  certainty: Certainty;
  category: Category;
  /** Chinese message (the users' language). `messageId` + `data` re-format it in English. */
  message: string;
  messageId: string;
  data?: Record<string, string | number>;
  excerpt: string;
  suggestion?: string;
  field?: string;
  selector?: string;
  textOffset?: number;
  textLength?: number;
  url: string;
  key: string;
}

export interface LocalText {
  zh: string;
  en: string;
}

export interface RuleMeta {
  title: LocalText;
  description: string;
  /** The national text and clause the rule comes from. */
  reference?: string;
  messages: Record<string, LocalText>;
}

/** Answers the engine gets from the store (or the CLI's in-memory run) for page-spanning rules. */
export interface AuditLookups {
  /** URLs other than `exceptUrl` whose page carries this index number. */
  urlsWithIndexNumber?(indexNumber: string, exceptUrl: string): Promise<string[]>;
  /** Shapes of the site's stored index numbers with their counts (see rules/index-number.ts shapeOf). */
  indexNumberShapes?(site: string): Promise<Record<string, number>>;
  /** Checks links (HEAD, then GET; cached): the background's link checker (utils/link-check.ts). */
  checkLinks?(links: PageLink[]): Promise<LinkCheckResult[]>;
  /**
   * The 疑似错别字 model file (rules/model/typo-model.bin) as bytes, loaded on first call and kept;
   * null (or no lookup) when it is not available: text/typo then does only its dictionary work.
   */
  typoModel?(): Promise<ArrayBuffer | null>;
}

/** What a link check found: the final HTTP status, or why there is none. */
export interface LinkCheckResult {
  url: string;
  /** HTTP status after redirects; null when no answer came. */
  status: number | null;
  error?: 'timeout' | 'network';
  /** Time the check took (0 when answered from the cache). */
  ms: number;
}

export interface RuleContext<O = Record<string, unknown>> {
  options: O;
  level: Level;
  /** ISO date used as "today" by date rules. */
  today: string;
  profile: string;
  site: ResolvedSiteConfig;
  lookups: AuditLookups;
  /** User dictionaries and lists (typos, whitelist, sensitive words, leaders). */
  dictionaries: UserDictionaries;
  report(r: Report): void;
}

export interface Rule<O extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  category: Category;
  defaultLevel: Level;
  meta: RuleMeta;
  defaultOptions: O;
  /** Page kinds the rule applies to; all when absent. */
  kinds?: PageKind[];
  check(model: PageModel, ctx: RuleContext<O>): void | Promise<void>;
}

export type RuleSetting = LevelSetting | [LevelSetting] | [LevelSetting, Record<string, unknown>];

export interface LeaderEntry {
  name: string;
  title: string;
  since?: string;
}

export interface UserDictionaries {
  /** Extra wrong→right pairs. */
  typos?: { wrong: string; right: string }[];
  /** Words never reported by text rules. */
  whitelist?: string[];
  sensitive?: string[];
  leaders?: LeaderEntry[];
}

export interface SiteConfig {
  /** Index-number regexes (strings) this site's numbers must match. */
  indexPatterns?: string[];
  /** Catalogue fields the site's box must carry (canonical names; 'A|B' means either). */
  requiredFields?: string[];
  /** Extra column-class keywords: { className: [keywords] }. */
  columnClasses?: Record<string, string[]>;
  /** Max age in days per column class, overriding the defaults. */
  columnMaxAge?: Record<string, number>;
  /** Extra catalogue label aliases: { label: canonical }. */
  fieldAliases?: Record<string, string>;
  /** The site is a traditional-Chinese version (text/mixed-script stays silent). */
  traditional?: boolean;
  /** The site requires a 公开属性 field (disclosure/missing). */
  requireDisclosure?: boolean;
  /** false: the extension does not audit the site's pages on its own (the popup still can). */
  autoAudit?: boolean;
  rules?: Record<string, RuleSetting>;
}

export interface ResolvedSiteConfig extends SiteConfig {
  /** The config key that matched, or null. */
  matched: string | null;
}

export interface Config {
  /** daily | indicators | strict (see rules/config.ts). */
  profile?: string;
  rules?: Record<string, RuleSetting>;
  /** Per-site overrides keyed by host name (a key matches the host and its sub-domains). */
  sites?: Record<string, SiteConfig>;
  /** ISO date; default: the real today. */
  today?: string;
  dictionaries?: UserDictionaries;
}

export interface RuleTiming {
  ruleId: string;
  ms: number;
}

export interface Diagnostic {
  ruleId: string;
  message: string;
}

export interface AuditResult {
  findings: Finding[];
  timings: RuleTiming[];
  /** Rules that threw; the others ran. */
  diagnostics: Diagnostic[];
  /**
   * Rules that ran to the end (or do not apply to this kind of page): only these may close their
   * stored findings. A rule that threw or is switched off keeps its findings as they were.
   */
  completed: string[];
}
