/**
 * F. Page metadata (指引 附件 页面元数据): the `<meta name=…>` tags every government page
 * should carry, and the shape of the 网站标识码 (SiteIDCode meta or the footer's 网站标识码).
 */
import { defineRule } from './define';
import data from './dicts/meta-tags.json';

const REF = '《政府网站发展指引》（国办发〔2017〕47号）附件：政府网站页面元数据、网站标识码';
const SITE_ID = new RegExp(data.siteIdPattern);
const BY_KIND: Record<string, string[]> = data.byKind;
const FOOTER_ID = /网站(?:标识|识别)码\s*[：:]?\s*([A-Za-z0-9]+)/;

const missingTags = defineRule({
  id: 'meta/missing-tags',
  category: 'meta',
  defaultLevel: 'info',
  meta: {
    title: { zh: '页面元数据缺失', en: 'Page metadata missing' },
    description:
      '页面缺少《政府网站发展指引》规定的元数据：每页 SiteName、SiteDomain、SiteIDCode；栏目页和文章页 ColumnName、ColumnType；文章页 ArticleTitle、PubDate、ContentSource。',
    reference: REF,
    messages: {
      missing: { zh: '页面缺少元数据：{tags}', en: 'The page lacks metadata tags: {tags}' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const have = new Set(
      Object.entries(model.meta)
        .filter(([, v]) => v.trim() !== '')
        .map(([k]) => k.toLowerCase()),
    );
    const want = [...data.everyPage, ...(BY_KIND[model.kind] ?? [])];
    const missing = want.filter((t) => !have.has(t.toLowerCase()));
    if (missing.length === 0) return;
    // One finding per page: the tags are one template fix, not seven defects.
    ctx.report({
      messageId: 'missing',
      data: { tags: missing.join('、') },
      excerpt: missing.map((t) => `<meta name="${t}">`).join(' '),
      key: 'meta-tags',
    });
  },
});

const siteIdFormat = defineRule({
  id: 'meta/site-id-format',
  category: 'meta',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '网站标识码格式错误', en: 'Malformed site ID code' },
    description: '网站标识码（SiteIDCode 元数据或页脚“网站标识码”）应为 10 位数字（6 位行政区划代码 + 4 位）或 bm 加 8 位数字（国务院部门）。页脚默认只查首页。',
    reference: REF,
    messages: {
      meta: { zh: 'SiteIDCode“{code}”格式不对：应为 10 位数字或 bm 加 8 位数字', en: 'SiteIDCode "{code}" should be 10 digits or bm + 8 digits' },
      footer: { zh: '页脚网站标识码“{code}”格式不对：应为 10 位数字或 bm 加 8 位数字', en: 'Footer site ID "{code}" should be 10 digits or bm + 8 digits' },
      mismatch: { zh: 'SiteIDCode“{meta}”与页脚网站标识码“{footer}”不一致', en: 'SiteIDCode "{meta}" differs from the footer site ID "{footer}"' },
    },
  },
  defaultOptions: { everyPage: false },
  check(model, ctx) {
    const metaEntry = Object.entries(model.meta).find(([k]) => k.toLowerCase() === 'siteidcode');
    const metaCode = metaEntry?.[1].trim() ?? '';
    if (metaCode && !SITE_ID.test(metaCode))
      ctx.report({ messageId: 'meta', data: { code: metaCode }, excerpt: `<meta name="SiteIDCode" content="${metaCode}">`, field: 'SiteIDCode', key: 'meta' });
    if (!model.footer || (!ctx.options.everyPage && model.kind !== 'home')) return;
    const m = FOOTER_ID.exec(model.footer.text);
    if (!m) return;
    const code = m[1];
    const excerpt = model.footer.text.slice(Math.max(0, m.index - 10), m.index + m[0].length + 10);
    if (!SITE_ID.test(code)) ctx.report({ messageId: 'footer', data: { code }, excerpt, selector: model.footer.selector ?? undefined, key: 'footer' });
    else if (metaCode && SITE_ID.test(metaCode) && metaCode !== code)
      ctx.report({ messageId: 'mismatch', data: { meta: metaCode, footer: code }, excerpt, selector: model.footer.selector ?? undefined, key: 'mismatch' });
  },
});

export const metaRules = [missingTags, siteIdFormat];
