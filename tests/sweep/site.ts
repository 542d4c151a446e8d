/**
 * A generated fixture government site for the sweep tests (issue 11, item 6).
 *
 * generateSite({ today, seed, size }) builds a county site in memory — homepage, a nav of columns
 * paged the way TRS / 大汉 JCMS sites page them (index.html, index_1.html … and one column with
 * ?page=2), detail pages with a 信息公开 catalogue box, a 部门 sub-site, a GBK section and the
 * specials a sweep must cope with (slow page, 500, redirect loop, robots.txt disallow, PDF/DOC
 * attachments, an image, a link to another host). Defects are planted at known places and
 * recorded with the ruleId the engine reports for them (tests/sweep/site.test.ts proves it).
 *
 * Deterministic: a seeded PRNG (mulberry32), dates computed from `today`; no Math.random, no
 * Date.now. Every link is root-relative (the server answers any Host header), except the
 * deliberate links to other hosts (党政机关标识, 找错, 友情链接).
 */
import iconv from 'iconv-lite';

export interface FixtureFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  delayMs?: number;
  redirect?: string;
}

export interface PlantedDefect {
  /** Page path (with query, if any) on which the engine reports the defect. */
  path: string;
  ruleId: string;
  what: string;
}

export interface FixtureColumn {
  /** The column's first listing page. */
  path: string;
  name: string;
  newestDate: string | null;
  verdict: 'fresh' | 'stale' | 'empty';
}

export interface FixtureCounts {
  /** Every path the server answers (pages, attachments, images, robots.txt, specials). */
  files: number;
  /** HTML pages reachable by following links from / (robots-disallowed page included). */
  htmlPages: number;
  articles: number;
  listingPages: number;
  columns: number;
  planted: number;
  defectiveArticles: number;
  /** Planted article defects by kind (typo, missing-field …). */
  byKind: Record<string, number>;
  /** Planted findings by ruleId. */
  byRule: Record<string, number>;
}

export interface FixtureSite {
  files: Map<string, FixtureFile>;
  planted: PlantedDefect[];
  columns: FixtureColumn[];
  /** Paths of the detail pages (articles). */
  articles: string[];
  /** Paths robots.txt forbids that are linked from the site (must never be fetched). */
  disallowed: string[];
  /** The missing link targets (404) the site links to. */
  missing: string[];
  /** Paths of the specials, by role. */
  specials: { slow: string; error500: string; loop: [string, string]; gbkHeader: string; gbkMeta: string; pdf: string; doc: string; image: string; external: string; sitemap: string; robots: string };
  counts: FixtureCounts;
}

export interface SiteOptions {
  /** YYYY-MM-DD: the site is fresh relative to it. */
  today: string;
  seed?: number;
  size?: 'small' | 'full';
}

export type DefectKind = 'typo' | 'missing-field' | 'bad-index' | 'bad-doc-number' | 'date-order' | 'placeholder' | 'id-number' | 'broken-link';

/** The ruleId the engine reports for each planted kind (verified by site.test.ts). */
export const RULE_OF: Record<DefectKind, string> = {
  typo: 'text/typo',
  'missing-field': 'catalog/missing-field',
  'bad-index': 'index-number/check-digit',
  'bad-doc-number': 'doc-number/format',
  'date-order': 'date/order',
  placeholder: 'text/placeholder',
  'id-number': 'privacy/id-number',
  'broken-link': 'link/broken',
};
const KINDS = Object.keys(RULE_OF) as DefectKind[];

// ---------------------------------------------------------------------------------------------
// Site constants

const SITE = '清河县人民政府';
const COUNTY = '清河县';
const SITE_DOMAIN = 'www.sweep-test.gov.cn';
const SITE_ID = '3301990001';
const ICP = '浙ICP备05012345号-1';
const GA_CODE = '33019902000123';
/** 8 digits of the county office's 组织机构代码; the check digit is computed. */
const ORG_BASE = '00250163';
const ORG_BASE_FGW = '00250178';

const TOWNS = ['城关镇', '南溪镇', '白沙镇', '石门乡', '桃源乡', '龙潭镇', '青石镇', '河口乡'];
const DEPTS = ['发展和改革局', '教育局', '财政局', '人力资源和社会保障局', '自然资源和规划局', '住房和城乡建设局', '交通运输局', '农业农村局', '卫生健康局', '市场监督管理局', '应急管理局', '生态环境分局'];
const TOPICS = ['安全生产', '森林防火', '乡村振兴', '营商环境优化', '政务公开', '防汛防台', '人居环境整治', '食品安全', '消防安全', '垃圾分类', '文明城市创建', '农村饮水安全', '秸秆禁烧', '就业创业服务', '义务教育均衡发展', '医疗保障', '稳岗就业', '耕地保护'];
const ITEMS = ['户籍迁移', '不动产登记', '个体工商户登记', '城乡居民医保参保', '社会保障卡申领', '新生儿出生登记', '残疾人证办理', '建筑工程施工许可'];

/** Prose without any rule's defect (checked by site.test.ts: defect-free articles have no warn/error). */
const SENTENCES = [
  '会议指出，今年以来全县上下认真贯彻落实各项决策部署，各项工作取得积极成效。',
  '会议要求，各乡镇、各部门要进一步提高思想认识，压实工作责任，确保各项任务按时完成。',
  '下一步，将继续加强统筹协调，完善工作机制，推动工作常态化、长效化。',
  '各责任单位要对照任务清单，逐项梳理进展情况，及时发现和解决工作中存在的问题。',
  '活动现场，工作人员向过往群众发放宣传资料，耐心解答群众关心的问题。',
  '检查组一行深入企业生产车间、仓库和员工宿舍，详细了解企业安全管理制度落实情况。',
  '据统计，本次活动共发放宣传资料三千余份，接受群众咨询二百余人次。',
  '与会人员围绕工作重点进行了深入交流，并就下一阶段工作提出了意见建议。',
  '要坚持问题导向，聚焦群众反映强烈的突出问题，切实增强群众的获得感。',
  '各单位要严格落实值班值守制度，保持通信畅通，遇有重要情况及时报告。',
  '县政府相关负责同志出席会议并讲话，县直有关部门主要负责人参加会议。',
  '通过此次培训，参训人员进一步熟悉了业务流程，提升了工作能力。',
  '今年全县计划完成投资十二亿元，目前各项目进展顺利。',
  '要加强宣传引导，营造全社会共同关心、共同参与的良好氛围。',
];
const NOTICE_SENTENCES = [
  '各乡镇人民政府，县政府各部门、各直属单位：',
  '为进一步做好相关工作，经研究，现将有关事项通知如下。',
  '请各单位高度重视，认真组织实施，确保工作取得实效。',
  '本公告自发布之日起施行，如有疑问，请在工作日拨打咨询电话0571-86012345。',
  '公示期间，如对公示内容有异议，可以书面形式向县有关部门反映。',
  '特此通知。',
];

// ---------------------------------------------------------------------------------------------
// Columns

type Template = 'main' | 'dept' | 'gbk';

interface ColumnDef {
  id: string;
  name: string;
  /** Folder of the column, root-relative, ending in /. */
  dir: string;
  /** Parent trail shown in the breadcrumb between 首页 and the column. */
  parent: string;
  /** Paging style: TRS index_N.html, or ?page=N on list.html. */
  paging: 'trs' | 'query';
  /** Items in the full / small site. */
  full: number;
  small: number;
  /** Days between the newest item and today; items go back `step` days each. */
  newestAge: number;
  step: number;
  verdict: 'fresh' | 'stale' | 'empty';
  titles: (r: Rng, year: number, n: number) => string;
  /** Catalogue box with 文号 (document columns). */
  docNumbers?: string;
  template: Template;
  /** Publishing organ shown in 发布机构. */
  organ: (r: Rng) => string;
  orgBase?: string;
}

const county = () => `${COUNTY}人民政府办公室`;
const anyDept = (r: Rng) => `${COUNTY}${r.pick(DEPTS)}`;

const COLUMNS: ColumnDef[] = [
  {
    id: 'gzdt', name: '工作动态', dir: '/xxgk/gzdt/', parent: '信息公开', paging: 'trs', full: 60, small: 5, newestAge: 0, step: 2, verdict: 'fresh', template: 'main',
    titles: (r) => `${COUNTY}${r.pick(TOWNS)}召开${r.pick(TOPICS)}工作推进会`, organ: county,
  },
  {
    id: 'tzgg', name: '通知公告', dir: '/xxgk/tzgg/', parent: '信息公开', paging: 'trs', full: 45, small: 2, newestAge: 1, step: 6, verdict: 'fresh', template: 'main', docNumbers: '清政办发',
    titles: (r, y) => r.pick([`关于做好${y}年${r.pick(TOPICS)}工作的通知`, `关于开展${r.pick(TOPICS)}专项检查的通知`, `${COUNTY}${r.pick(DEPTS)}关于${r.pick(TOPICS)}有关事项的公告`]), organ: county,
  },
  {
    id: 'zcwj', name: '政策文件', dir: '/xxgk/zcwj/', parent: '信息公开', paging: 'trs', full: 30, small: 2, newestAge: 2, step: 9, verdict: 'fresh', template: 'main', docNumbers: '清政发',
    titles: (r, y) => `${COUNTY}人民政府关于印发${COUNTY}${y}年${r.pick(TOPICS)}工作方案的通知`, organ: () => SITE,
  },
  {
    id: 'ghjh', name: '规划计划', dir: '/xxgk/ghjh/', parent: '信息公开', paging: 'trs', full: 25, small: 1, newestAge: 3, step: 12, verdict: 'fresh', template: 'main',
    titles: (r, y) => `${COUNTY}${r.pick(DEPTS)}${y}年${r.pick(TOPICS)}工作计划`, organ: anyDept,
  },
  {
    id: 'rsxx', name: '人事信息', dir: '/xxgk/rsxx/', parent: '信息公开', paging: 'query', full: 45, small: 5, newestAge: 1, step: 5, verdict: 'fresh', template: 'main',
    titles: (r, y, n) => `${COUNTY}${y}年公开招聘事业单位工作人员拟聘用人员名单（第${n}批）`, organ: () => `${COUNTY}人力资源和社会保障局`,
  },
  {
    id: 'czxx', name: '财政信息', dir: '/xxgk/czxx/', parent: '信息公开', paging: 'trs', full: 40, small: 1, newestAge: 2, step: 7, verdict: 'fresh', template: 'main',
    titles: (r, y) => `${COUNTY}${r.pick(DEPTS)}${y}年部门${r.pick(['预算', '决算'])}公开`, organ: () => `${COUNTY}财政局`,
  },
  {
    id: 'xzdt', name: '乡镇动态', dir: '/xxgk/xzdt/', parent: '信息公开', paging: 'trs', full: 30, small: 2, newestAge: 45, step: 4, verdict: 'stale', template: 'main',
    titles: (r) => `${r.pick(TOWNS)}开展${r.pick(TOPICS)}宣传活动`, organ: (r) => `${COUNTY}${r.pick(TOWNS)}人民政府`,
  },
  {
    id: 'bmdt', name: '部门动态', dir: '/xxgk/bmdt/', parent: '信息公开', paging: 'trs', full: 40, small: 1, newestAge: 1, step: 3, verdict: 'fresh', template: 'main',
    titles: (r) => `县${r.pick(DEPTS)}召开${r.pick(TOPICS)}专题会议`, organ: anyDept,
  },
  {
    id: 'zcjd', name: '政策解读', dir: '/xxgk/zcjd/', parent: '信息公开', paging: 'trs', full: 25, small: 1, newestAge: 4, step: 11, verdict: 'fresh', template: 'main',
    titles: (r, y) => `一图读懂《${COUNTY}${y}年${r.pick(TOPICS)}工作方案》`, organ: county,
  },
  {
    id: 'jyta', name: '建议提案办理', dir: '/xxgk/jyta/', parent: '信息公开', paging: 'trs', full: 0, small: 0, newestAge: 0, step: 1, verdict: 'empty', template: 'main',
    titles: () => '', organ: county,
  },
  {
    id: 'fgw-gzdt', name: '工作动态', dir: '/bm/fgw/gzdt/', parent: '部门网站>县发展和改革局', paging: 'trs', full: 20, small: 1, newestAge: 2, step: 4, verdict: 'fresh', template: 'dept',
    titles: (r) => `县发改局赴${r.pick(TOWNS)}调研${r.pick(TOPICS)}项目推进情况`, organ: () => `${COUNTY}发展和改革局`, orgBase: ORG_BASE_FGW,
  },
  {
    id: 'fgw-bmwj', name: '部门文件', dir: '/bm/fgw/bmwj/', parent: '部门网站>县发展和改革局', paging: 'trs', full: 15, small: 1, newestAge: 5, step: 14, verdict: 'fresh', template: 'dept', docNumbers: '清发改',
    titles: (r, y) => `关于下达${COUNTY}${y}年${r.pick(TOPICS)}项目投资计划的通知`, organ: () => `${COUNTY}发展和改革局`, orgBase: ORG_BASE_FGW,
  },
  {
    id: 'bszn', name: '办事指南', dir: '/gbk/', parent: '政务服务', paging: 'trs', full: 2, small: 2, newestAge: 3, step: 20, verdict: 'fresh', template: 'gbk',
    titles: (r) => `${r.pick(ITEMS)}办事指南`, organ: () => `${COUNTY}行政服务中心`,
  },
];

/** The main nav: the homepage links these columns (and the sub-site, the GBK section, the sitemap). */
const NAV_IDS = ['gzdt', 'tzgg', 'zcwj', 'ghjh', 'rsxx', 'czxx', 'xzdt', 'bmdt', 'zcjd', 'jyta'];

// ---------------------------------------------------------------------------------------------
// PRNG and dates

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    // mulberry32
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)];
  }
  shuffle<T>(a: T[]): T[] {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86400000);
  return t.toISOString().slice(0, 10);
}

function checkIso(today: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || addDays(today, 0) !== today) throw new Error(`generateSite: today must be a real YYYY-MM-DD date, got ${today}`);
}

// ---------------------------------------------------------------------------------------------
// Codes

/** GB 11714 check digit of an 8-digit 组织机构代码 body. */
export function orgCheckDigit(base8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base8].reduce((s, c, i) => s + parseInt(c, 36) * w[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 11643 check character of the first 17 digits of a 公民身份号码. */
export function idCheckChar(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return '10X98765432'[sum % 11];
}

function wrongDigit(d: string): string {
  const all = '0123456789X';
  return all[(all.indexOf(d) + 3) % all.length];
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------------
// Templates

interface Crumb {
  name: string;
  href: string;
}

const STYLE = `<style type="text/css">
  body { margin: 0; font: 14px/1.8 "Microsoft YaHei", "微软雅黑", SimSun, sans-serif; color: #333; background: #f3f3f3; }
  a { color: #333; text-decoration: none; }
  .w1200 { width: 1200px; margin: 0 auto; }
  .top-bar { height: 32px; line-height: 32px; background: #f7f7f7; border-bottom: 1px solid #e5e5e5; font-size: 12px; }
  .header { height: 130px; background: #1b5fad; }
  .nav { background: #0e4a8f; height: 50px; }
  .nav li { float: left; list-style: none; padding: 0 14px; line-height: 50px; }
  .nav li a { color: #fff; font-size: 16px; }
  .location { padding: 12px 0; color: #666; }
  .left-menu { float: left; width: 220px; background: #fff; }
  .right-con { float: right; width: 960px; background: #fff; padding: 20px; box-sizing: border-box; }
  .list-con li { list-style: none; border-bottom: 1px dashed #ddd; line-height: 36px; }
  .list-con li span { float: right; color: #999; }
  .pagination { text-align: center; padding: 16px 0; }
  .xxgk-info table { width: 100%; border-collapse: collapse; background: #f9fbfe; }
  .xxgk-info td { border: 1px solid #dce6f2; padding: 6px 10px; }
  .xxgk-info td.t { width: 90px; color: #0e4a8f; font-weight: bold; text-align: right; }
  .article h1 { font-size: 24px; color: #0e4a8f; text-align: center; margin: 30px 0 10px; }
  #zoom { font-size: 16px; line-height: 2; padding: 20px 10px; }
  .footer { clear: both; background: #0e4a8f; color: #dbe6f5; text-align: center; padding: 20px 0; font-size: 13px; }
  .footer a { color: #dbe6f5; }
</style>`;

function head(title: string, charset: string, meta: Record<string, string>): string {
  const metas = Object.entries(meta)
    .map(([k, v]) => `<meta name="${k}" content="${escapeHtml(v)}">`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="${charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<title>${escapeHtml(title)}</title>
<meta name="SiteName" content="${SITE}">
<meta name="SiteDomain" content="${SITE_DOMAIN}">
<meta name="SiteIDCode" content="${SITE_ID}">
${metas}
${STYLE}
</head>`;
}

function topAndNav(activeHref: string | null): string {
  const nav: Crumb[] = [
    { name: '首页', href: '/' },
    ...NAV_IDS.map((id) => {
      const c = COLUMNS.find((x) => x.id === id)!;
      return { name: c.name, href: firstPage(c) };
    }),
    { name: '部门网站', href: '/bm/fgw/index.html' },
    { name: '办事指南', href: '/gbk/index.html' },
    { name: '网站地图', href: '/wzdt/index.html' },
  ];
  return `<body>
<div class="top-bar"><div class="w1200"><span class="fl">欢迎访问${SITE}门户网站</span>
<span class="fr"><a href="javascript:void(0);" id="cniil_wza">无障碍浏览</a> | <a href="javascript:void(0);" id="oldModel">长者模式</a></span></div></div>
<div class="header"><div class="w1200"><a href="/" class="logo"><img src="/images/logo.png" alt="${SITE}" width="520" height="90"></a>
<form class="search" action="/search/" method="get"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div></div>
<div class="nav"><ul class="w1200">
${nav.map((n) => `<li${n.href === activeHref ? ' class="on"' : ''}><a href="${n.href}">${n.name}</a></li>`).join('\n')}
</ul></div>`;
}

function footer(): string {
  return `<div class="footer"><div class="w1200">
<p class="links"><a href="/wzdt/index.html">网站地图</a> | <a href="/lxwm/index.html">联系我们</a> | <a href="/wzsm/index.html">网站声明</a></p>
<p>主办单位：${COUNTY}人民政府办公室　　承办单位：${COUNTY}大数据发展中心</p>
<p>联系电话：0571-86012345　　地址：浙江省${COUNTY}城关镇府前路1号　　邮编：311899</p>
<p>网站标识码：${SITE_ID}　　<a href="https://beian.miit.gov.cn/" target="_blank">${ICP}</a>　　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${GA_CODE}" target="_blank"><img src="/images/gaba.png" alt="" width="16" height="16">浙公网安备 ${GA_CODE}号</a></p>
<div class="bs">
<a href="https://bszs.conac.cn/sitename?method=show&amp;id=5A0C2E1B7F3D4E6A" target="_blank"><img src="/images/red.png" alt="党政机关" width="55" height="60"></a>
<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=${SITE_ID}&amp;url=http%3A%2F%2F${SITE_DOMAIN}%2F" target="_blank"><img src="/images/jiucuo.png" alt="我为政府网站找错" width="110" height="55"></a>
</div>
</div></div>
</body>
</html>
`;
}

function breadcrumb(trail: Crumb[]): string {
  return `<div class="location">当前位置：${trail.map((c) => `<a href="${c.href}">${c.name}</a>`).join(' &gt; ')}</div>`;
}

function leftMenu(col: ColumnDef): string {
  const siblings = COLUMNS.filter((c) => c.template === col.template && c.parent === col.parent);
  return `<div class="left-menu"><h3>${col.parent.split('>').pop()}</h3><ul>
${siblings.map((c) => `<li${c === col ? ' class="on"' : ''}><a href="${firstPage(c)}">${c.name}</a></li>`).join('\n')}
</ul></div>`;
}

function firstPage(c: ColumnDef): string {
  return c.paging === 'query' ? `${c.dir}list.html` : `${c.dir}index.html`;
}

function pagePath(c: ColumnDef, i: number): string {
  if (i === 0) return firstPage(c);
  return c.paging === 'query' ? `${c.dir}list.html?page=${i + 1}` : `${c.dir}index_${i}.html`;
}

function trailOf(c: ColumnDef): Crumb[] {
  const trail: Crumb[] = [{ name: '首页', href: '/' }];
  if (c.template === 'dept') trail.push({ name: '部门网站', href: '/bm/fgw/index.html' }, { name: '县发展和改革局', href: '/bm/fgw/index.html' });
  else if (c.template === 'gbk') trail.push({ name: '政务服务', href: '/gbk/index.html' });
  else trail.push({ name: '信息公开', href: '/wzdt/index.html' });
  trail.push({ name: c.name, href: firstPage(c) });
  return trail;
}

interface Article {
  col: ColumnDef;
  path: string;
  title: string;
  pub: string;
  made: string;
  organ: string;
  indexNo: string;
  docNo: string | null;
  paragraphs: string[];
  attachments: { href: string; name: string }[];
  image: string | null;
  defect: DefectKind | null;
  seq: number;
}

function listingPage(c: ColumnDef, items: Article[], page: number, pages: number, charset: string): string {
  const trail = trailOf(c);
  const list = items.length
    ? `<ul class="list-con">\n${items.map((a) => `<li><a href="${a.path}" target="_blank" title="${escapeHtml(a.title)}">${escapeHtml(a.title)}</a><span>${a.pub}</span></li>`).join('\n')}\n</ul>`
    : `<div class="list-con"><p class="nodata">暂无信息</p></div>`;
  const links: string[] = [];
  if (pages > 1) {
    links.push(`共${pages}页　当前第${page + 1}页`);
    links.push(`<a href="${pagePath(c, 0)}">首页</a>`);
    if (page > 0) links.push(`<a href="${pagePath(c, page - 1)}">上一页</a>`);
    if (page < pages - 1) links.push(`<a href="${pagePath(c, page + 1)}">下一页</a>`);
    links.push(`<a href="${pagePath(c, pages - 1)}">尾页</a>`);
  }
  const paging = pages > 1 ? `<div class="pagination">${links.join(' ')}</div>` : '';
  return `${head(`${c.name}_${SITE}`, charset, { ColumnName: c.name, ColumnType: c.name })}
${topAndNav(c.template === 'main' ? firstPage(c) : c.template === 'dept' ? '/bm/fgw/index.html' : '/gbk/index.html')}
<div class="w1200 clearfix">
${breadcrumb(trail)}
${leftMenu(c)}
<div class="right-con">
<div class="list-title"><h2>${c.name}</h2></div>
${list}
${paging}
</div>
</div>
${footer()}`;
}

function articlePage(a: Article, charset: string): string {
  const c = a.col;
  const cells: [string, string][] = [['索引号', a.indexNo]];
  if (a.defect === 'missing-field') cells.push(['主题分类', '综合政务']);
  else cells.push(['发布机构', a.organ]);
  cells.push(['成文日期', a.made]);
  cells.push(a.docNo !== null ? ['文号', a.docNo] : ['主题分类', '综合政务']);
  cells.push(['公开方式', '主动公开'], ['公开时间', a.pub]);
  let box: string;
  if (c.template === 'dept') {
    box = `<div class="classify"><ul>\n${cells.map(([l, v]) => `<li><span>${l}：</span><span>${escapeHtml(v)}</span></li>`).join('\n')}\n</ul></div>`;
  } else {
    const rows: string[] = [];
    for (let i = 0; i < cells.length; i += 2)
      rows.push(`<tr>${cells.slice(i, i + 2).map(([l, v]) => `<td class="t">${l}：</td><td>${escapeHtml(v)}</td>`).join('')}</tr>`);
    box = `<div class="xxgk-info"><table>\n${rows.join('\n')}\n</table></div>`;
  }
  const body = a.paragraphs.map((p) => (p.startsWith('<') ? p : `<p style="text-indent: 2em;">${p}</p>`)).join('\n');
  const img = a.image ? `<p style="text-align: center;"><img src="${a.image}" alt="${escapeHtml(a.title)}" width="600" height="400"></p>\n` : '';
  const att = a.attachments.length
    ? `<div class="attachment">附件：${a.attachments.map((x) => `<p><a href="${x.href}" target="_blank">${x.name}</a></p>`).join('')}</div>\n`
    : '';
  return `${head(`${a.title}_${c.name}_${SITE}`, charset, {
    ColumnName: c.name,
    ColumnType: c.name,
    ArticleTitle: a.title,
    PubDate: a.pub,
    ContentSource: a.organ,
  })}
${topAndNav(c.template === 'main' ? firstPage(c) : null)}
<div class="w1200 clearfix">
${breadcrumb(trailOf(c))}
<div class="right-con" style="width: 100%;">
${box}
<div class="article">
<h1>${escapeHtml(a.title)}</h1>
<div class="tools">发布时间：${a.pub}　　来源：${escapeHtml(a.organ)}　　【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
<div id="zoom" class="view TRS_UEDITOR">
${img}${body}
${att}</div>
<div class="share"><a href="javascript:window.print();">打印本页</a>　<a href="javascript:window.close();">关闭窗口</a></div>
</div>
</div>
</div>
${footer()}`;
}

function simplePage(title: string, heading: string, inner: string, trail: Crumb[]): string {
  return `${head(`${title}_${SITE}`, 'utf-8', { ColumnName: heading })}
${topAndNav(null)}
<div class="w1200 clearfix">
${breadcrumb(trail)}
<div class="right-con" style="width: 100%;">
<h2>${heading}</h2>
${inner}
</div>
</div>
${footer()}`;
}

// ---------------------------------------------------------------------------------------------
// Defect carriers

/** Typo pairs from rules/dicts/typos.tsv (first section: idioms), each in a carrier sentence. */
const TYPOS: [string, string][] = [
  ['再接再励', '再接再厉'],
  ['迫不急待', '迫不及待'],
  ['一如继往', '一如既往'],
  ['按步就班', '按部就班'],
  ['一股作气', '一鼓作气'],
  ['直接了当', '直截了当'],
];

function html(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

const HTML_UTF8 = { 'Content-Type': 'text/html; charset=utf-8' };

// ---------------------------------------------------------------------------------------------

export function generateSite(opts: SiteOptions): FixtureSite {
  const { today } = opts;
  checkIso(today);
  const size = opts.size ?? 'full';
  const r = new Rng(opts.seed ?? 20261201);
  // The small site keeps the full one's shape (every paging style) at a tenth of its size.
  const perPage = size === 'full' ? 20 : 4;
  const files = new Map<string, FixtureFile>();
  const planted: PlantedDefect[] = [];
  const columns: FixtureColumn[] = [];
  const missing: string[] = [];
  const put = (path: string, f: FixtureFile) => {
    if (files.has(path)) throw new Error(`generateSite: ${path} written twice`);
    files.set(path, f);
  };

  // Articles of every column, newest first.
  const byColumn = new Map<ColumnDef, Article[]>();
  let seq = 1000;
  const docSeq = new Map<string, number>();
  const indexSeq = new Map<string, number>();
  for (const c of COLUMNS) {
    const n = size === 'full' ? c.full : c.small;
    const list: Article[] = [];
    let date = addDays(today, -c.newestAge);
    for (let i = 0; i < n; i++) {
      const pub = date;
      const made = addDays(pub, -r.int(4));
      const year = Number(made.slice(0, 4));
      const title = c.titles(r, Number(pub.slice(0, 4)), n - i);
      const base = c.orgBase ?? ORG_BASE;
      const org = base + orgCheckDigit(base);
      const ik = `${org}/${year}`;
      const is = (indexSeq.get(ik) ?? 0) + 1;
      indexSeq.set(ik, is);
      const indexNo = `${org}/${year}-${String(is).padStart(5, '0')}`;
      let docNo: string | null = null;
      if (c.docNumbers) {
        const dk = `${c.docNumbers}${year}`;
        const ds = (docSeq.get(dk) ?? 0) + 1;
        docSeq.set(dk, ds);
        docNo = `${c.docNumbers}〔${year}〕${ds}号`;
      }
      seq += 1 + r.int(7);
      const ym = pub.slice(0, 7).replace('-', '');
      const path = `${c.dir}${ym}/t${pub.replace(/-/g, '')}_${seq}.html`;
      const pool = c.docNumbers ? NOTICE_SENTENCES : SENTENCES;
      const paragraphs = r.shuffle([...pool]).slice(0, 3 + r.int(2));
      if (c.docNumbers && paragraphs[0] !== NOTICE_SENTENCES[0]) paragraphs.unshift(NOTICE_SENTENCES[0]);
      list.push({ col: c, path, title, pub, made, organ: c.organ(r), indexNo, docNo, paragraphs: paragraphs.filter((p, k) => p !== NOTICE_SENTENCES[0] || k === 0), attachments: [], image: null, defect: null, seq });
      date = addDays(date, -(c.step + (c.step > 2 ? r.int(3) - 1 : 0)));
    }
    byColumn.set(c, list);
  }
  const all = [...byColumn.values()].flat();

  // Attachments and an image on some document pages.
  const zcwj = byColumn.get(COLUMNS.find((c) => c.id === 'zcwj')!)!;
  const gzdt = byColumn.get(COLUMNS.find((c) => c.id === 'gzdt')!)!;
  const pdf = '/uploads/2026/fj_gzfa.pdf';
  const doc = '/uploads/2026/fj_bmb.doc';
  const image = '/uploads/2026/tp_hyxc.jpg';
  zcwj[0].attachments.push({ href: pdf, name: '工作方案任务分工表.pdf' });
  zcwj[zcwj.length > 1 ? 1 : 0].attachments.push({ href: doc, name: '报名表.doc' });
  gzdt[0].image = image;

  // Planted defects: ~10 % of the articles in the full site (at least one of each kind in both
  // sizes), on articles older than a week so that column freshness is not touched.
  // date/order moves 成文日期 a few days after 发布日期: only on articles old enough for it to stay in the past.
  const eligible = r.shuffle(all.filter((a) => a.col.template !== 'gbk' && a.attachments.length === 0));
  const gbkEligible = all.filter((a) => a.col.template === 'gbk');
  const want = Math.max(KINDS.length, Math.round(all.length * 0.1));
  if (eligible.length < want) throw new Error('generateSite: too few articles to plant every kind');
  const oldEnough = (a: Article) => a.pub <= addDays(today, -6);
  const pool = [...eligible.filter(oldEnough), ...eligible.filter((a) => !oldEnough(a))];
  const dateOrder = Math.ceil(want / KINDS.length);
  const firstOld = pool.slice(0, dateOrder);
  const rest = pool.slice(dateOrder).sort((a, b) => eligible.indexOf(a) - eligible.indexOf(b));
  firstOld.forEach((a) => (a.defect = 'date-order'));
  const others = KINDS.filter((k) => k !== 'date-order');
  rest.slice(0, want - dateOrder).forEach((a, i) => (a.defect = others[i % others.length]));
  // The GBK section carries one typo too: only a correct decoding finds it.
  if (gbkEligible[1]) gbkEligible[1].defect = 'typo';
  let missingSeq = 0;
  for (const a of all) {
    if (!a.defect) continue;
    const ruleId = RULE_OF[a.defect];
    let what = '';
    switch (a.defect) {
      case 'typo': {
        const [wrong, right] = TYPOS[r.int(TYPOS.length)];
        a.paragraphs.splice(1, 0, `会议强调，各单位要${wrong}，以更加务实的作风推动工作落实。`);
        what = `typo ${wrong} → ${right}`;
        break;
      }
      case 'missing-field':
        what = 'catalogue box without 发布机构';
        break;
      case 'bad-index': {
        const good = a.indexNo;
        a.indexNo = good.slice(0, 8) + wrongDigit(good[8]) + good.slice(9);
        what = `索引号 ${a.indexNo}: wrong 组织机构代码 check digit (should be ${good[8]})`;
        break;
      }
      case 'bad-doc-number': {
        const year = a.made.slice(0, 4);
        const bad = `清政办发[${year}]${1 + r.int(30)}号`;
        if (a.docNo !== null) {
          a.docNo = bad;
          what = `文号 ${bad} (square brackets)`;
        } else {
          a.paragraphs.splice(1, 0, `根据《${COUNTY}人民政府办公室关于进一步加强政务公开工作的通知》（${bad}）要求，结合工作实际，制定本方案。`);
          what = `文号 ${bad} cited in the body (square brackets)`;
        }
        break;
      }
      case 'date-order':
        a.made = addDays(a.pub, 3 + r.int(3));
        what = `成文日期 ${a.made} after 发布日期 ${a.pub}`;
        break;
      case 'placeholder':
        a.paragraphs.splice(1, 0, '各乡镇、各部门要结合xx乡实际，认真抓好贯彻落实。');
        what = 'template placeholder “结合xx乡实际”';
        break;
      case 'id-number': {
        const first = `330199${1960 + r.int(40)}${String(1 + r.int(12)).padStart(2, '0')}${String(1 + r.int(28)).padStart(2, '0')}${String(100 + r.int(899))}`;
        const id = first + idCheckChar(first);
        a.paragraphs.splice(1, 0, `当事人：王某某，男，身份证号码：${id}，住址：${COUNTY}城关镇。`);
        what = `unmasked 身份证号 ${id}`;
        break;
      }
      case 'broken-link': {
        const target = `${a.col.dir}${a.pub.slice(0, 7).replace('-', '')}/t${a.pub.replace(/-/g, '')}_9${String(++missingSeq).padStart(4, '0')}.html`;
        missing.push(target);
        a.paragraphs.push(`<p style="text-indent: 2em;">相关阅读：<a href="${target}" target="_blank">${escapeHtml(a.col.name)}相关政策问答</a></p>`);
        what = `link to missing page ${target} (404)`;
        break;
      }
    }
    planted.push({ path: a.path, ruleId, what });
  }

  // Listing pages and article pages.
  let listingPages = 0;
  for (const c of COLUMNS) {
    const list = byColumn.get(c)!;
    const pages = Math.max(1, Math.ceil(list.length / perPage));
    const gbk = c.template === 'gbk';
    for (let p = 0; p < pages; p++) {
      const text = listingPage(c, list.slice(p * perPage, (p + 1) * perPage), p, pages, gbk ? 'gbk' : 'utf-8');
      put(pagePath(c, p), gbk ? { status: 200, headers: { 'Content-Type': 'text/html; charset=gbk' }, body: iconv.encode(text, 'gbk') } : { status: 200, headers: HTML_UTF8, body: html(text) });
      listingPages++;
    }
    columns.push({ path: firstPage(c), name: c.name, newestDate: list[0]?.pub ?? null, verdict: c.verdict });
    if (c.verdict === 'stale') planted.push({ path: firstPage(c), ruleId: 'column/stale', what: `${c.name}: newest item ${list[0].pub}, ${c.newestAge} days before ${today} (limit 14)` });
    if (c.verdict === 'empty') planted.push({ path: firstPage(c), ruleId: 'column/empty', what: `${c.name}: 暂无信息` });
    list.forEach((a, i) => {
      if (gbk) {
        // The first GBK article declares its charset in the HTTP header, the second only in <meta>.
        const viaHeader = i % 2 === 0;
        const text = articlePage(a, viaHeader ? 'gbk' : 'gb2312');
        put(a.path, { status: 200, headers: { 'Content-Type': viaHeader ? 'text/html; charset=gbk' : 'text/html' }, body: iconv.encode(text, 'gbk') });
      } else put(a.path, { status: 200, headers: HTML_UTF8, body: html(articlePage(a, 'utf-8')) });
    });
  }

  // The homepage: nav, three news blocks, the sub-site and a link to another host.
  const block = (c: ColumnDef, n: number) =>
    `<div class="index-box"><div class="box-title"><h3>${c.name}</h3><a href="${firstPage(c)}" class="more">更多&gt;&gt;</a></div><ul>
${byColumn.get(c)!.slice(0, n).map((a) => `<li><a href="${a.path}" target="_blank" title="${escapeHtml(a.title)}">${escapeHtml(a.title)}</a><span class="date">${a.pub.slice(5)}</span></li>`).join('\n')}
</ul></div>`;
  const col = (id: string) => COLUMNS.find((c) => c.id === id)!;
  const home = `${head(SITE, 'utf-8', {})}
${topAndNav('/')}
<div class="w1200 clearfix">
${block(col('gzdt'), 6)}
${block(col('tzgg'), 6)}
${block(col('zcwj'), 5)}
<div class="index-box"><div class="box-title"><h3>部门网站</h3></div><p><a href="/bm/fgw/index.html">${COUNTY}发展和改革局</a>　<a href="/gbk/index.html">办事指南</a></p></div>
<div class="yqlj"><span>友情链接：</span><a href="http://www.zj.gov.cn/" target="_blank">浙江省人民政府</a></div>
</div>
${footer()}`;
  put('/', { status: 200, headers: HTML_UTF8, body: html(home) });

  // The 部门 sub-site's front page.
  const fgwCols = COLUMNS.filter((c) => c.template === 'dept');
  const fgwHome = `${head(`${COUNTY}发展和改革局_${SITE}`, 'utf-8', { ColumnName: '县发展和改革局' })}
${topAndNav('/bm/fgw/index.html')}
<div class="w1200 clearfix">
${breadcrumb([{ name: '首页', href: '/' }, { name: '部门网站', href: '/bm/fgw/index.html' }, { name: '县发展和改革局', href: '/bm/fgw/index.html' }])}
<div class="right-con" style="width: 100%;">
<div class="dept-intro"><h2>${COUNTY}发展和改革局</h2></div>
${fgwCols.map((c) => block(c, 5)).join('\n')}
</div>
</div>
${footer()}`;
  put('/bm/fgw/index.html', { status: 200, headers: HTML_UTF8, body: html(fgwHome) });

  // Sitemap: every column, the footer pages and the specials.
  const specials = {
    slow: '/zmhd/ldxx/index.html',
    error500: '/zmhd/zxts/index.html',
    loop: ['/loop-a', '/loop-b'] as [string, string],
    gbkHeader: byColumn.get(col('bszn'))![0].path,
    gbkMeta: byColumn.get(col('bszn'))![1].path,
    pdf,
    doc,
    image,
    external: 'http://www.zj.gov.cn/',
    sitemap: '/wzdt/index.html',
    robots: '/robots.txt',
  };
  const privatePage = '/private/nbgl/index.html';
  const sitemap = simplePage(
    '网站地图',
    '网站地图',
    `<div class="sitemap">
<dl><dt>信息公开</dt>${COLUMNS.filter((c) => c.template === 'main').map((c) => `<dd><a href="${firstPage(c)}">${c.name}</a></dd>`).join('')}</dl>
<dl><dt>部门网站</dt><dd><a href="/bm/fgw/index.html">县发展和改革局</a></dd>${fgwCols.map((c) => `<dd><a href="${firstPage(c)}">发改局${c.name}</a></dd>`).join('')}</dl>
<dl><dt>政务服务</dt><dd><a href="/gbk/index.html">办事指南</a></dd></dl>
<dl><dt>互动交流</dt><dd><a href="${specials.slow}">县长信箱</a></dd><dd><a href="${specials.error500}">在线投诉</a></dd><dd><a href="${specials.loop[0]}">民意征集</a></dd></dl>
<dl><dt>其他</dt><dd><a href="/lxwm/index.html">联系我们</a></dd><dd><a href="/wzsm/index.html">网站声明</a></dd><dd><a href="${privatePage}">内部管理</a></dd></dl>
</div>`,
    [{ name: '首页', href: '/' }, { name: '网站地图', href: '/wzdt/index.html' }],
  );
  put(specials.sitemap, { status: 200, headers: HTML_UTF8, body: html(sitemap) });
  planted.push({ path: specials.sitemap, ruleId: 'link/broken', what: `link to ${specials.error500} (HTTP 500, suspected)` });
  planted.push({ path: specials.sitemap, ruleId: 'link/broken', what: `link to ${specials.loop[0]} (redirect loop, suspected)` });

  const info = (title: string, text: string) =>
    simplePage(title, title, `<div class="content"><p>${text}</p></div>`, [{ name: '首页', href: '/' }, { name: title, href: '#' }]);
  put('/lxwm/index.html', { status: 200, headers: HTML_UTF8, body: html(info('联系我们', `${COUNTY}人民政府办公室，地址：浙江省${COUNTY}城关镇府前路1号，联系电话：0571-86012345。`)) });
  put('/wzsm/index.html', { status: 200, headers: HTML_UTF8, body: html(info('网站声明', `本网站由${COUNTY}人民政府办公室主办，网站内容版权所有，转载请注明来源。`)) });
  put(specials.slow, { status: 200, headers: HTML_UTF8, body: html(info('县长信箱', '县长信箱受理群众来信，工作人员将在五个工作日内答复。')), delayMs: 3000 });
  put(specials.error500, { status: 500, headers: HTML_UTF8, body: html('<!DOCTYPE html><html><head><meta charset="utf-8"><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1></body></html>') });
  put(specials.loop[0], { status: 302, headers: { Location: specials.loop[1] }, body: Buffer.alloc(0), redirect: specials.loop[1] });
  put(specials.loop[1], { status: 302, headers: { Location: specials.loop[0] }, body: Buffer.alloc(0), redirect: specials.loop[0] });
  put(privatePage, { status: 200, headers: HTML_UTF8, body: html(info('内部管理', '内部管理系统，仅限内部人员使用。')) });
  put(specials.robots, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: html('User-agent: *\nDisallow: /private/\n') });

  // Attachments and images: tiny bytes with the right type.
  put(pdf, { status: 200, headers: { 'Content-Type': 'application/pdf' }, body: html('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') });
  put(doc, { status: 200, headers: { 'Content-Type': 'application/msword' }, body: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]) });
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const jpg = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==', 'base64');
  for (const p of ['/images/logo.png', '/images/gaba.png', '/images/red.png', '/images/jiucuo.png']) put(p, { status: 200, headers: { 'Content-Type': 'image/png' }, body: png });
  put(image, { status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: jpg });

  const articles = all.map((a) => a.path);
  const byKind: Record<string, number> = {};
  for (const a of all) if (a.defect) byKind[a.defect] = (byKind[a.defect] ?? 0) + 1;
  const byRule: Record<string, number> = {};
  for (const p of planted) byRule[p.ruleId] = (byRule[p.ruleId] ?? 0) + 1;
  const htmlPages = [...files.entries()].filter(([, f]) => f.status === 200 && /^text\/html/.test(f.headers['Content-Type'] ?? '')).length;
  return {
    files,
    planted,
    columns,
    articles,
    disallowed: [privatePage],
    missing,
    specials,
    counts: {
      files: files.size,
      htmlPages,
      articles: articles.length,
      listingPages,
      columns: columns.length,
      planted: planted.length,
      defectiveArticles: all.filter((a) => a.defect).length,
      byKind,
      byRule,
    },
  };
}
