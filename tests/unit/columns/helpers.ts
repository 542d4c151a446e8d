/** Fixture pages of tests/fixtures/columns audited with the real extractor and engine, today = 2026-11-22. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio/slim';
import { auditHtml } from '../../../rules/run';
import { extractPage } from '../../../rules/page/extract';
import type { AuditLookups, Config, Finding, PageModel, Rule } from '../../../rules/types';

export const TODAY = '2026-11-22';
const DIR = fileURLToPath(new URL('../../fixtures/columns/', import.meta.url));

export function fixture(name: string): { html: string; url: string } {
  const html = readFileSync(DIR + name, 'utf8');
  // Each fixture says where it lives in <link rel=canonical>, as a saved page does.
  const url = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  if (!url) throw new Error(`${name} has no canonical URL`);
  return { html, url };
}

export function modelOf(name: string): PageModel {
  const { html, url } = fixture(name);
  return extractPage(html, url, { today: TODAY });
}

export function modelFromHtml(html: string, url: string): PageModel {
  return extractPage(html, url, { today: TODAY });
}

export function $of(html: string) {
  return load(html);
}

export async function audit(
  name: string,
  opts: { config?: Config; lookups?: AuditLookups; rules?: Rule<any>[] } = {},
): Promise<Finding[]> {
  const { html, url } = fixture(name);
  return auditHtmlAt(html, url, opts);
}

export async function auditHtmlAt(
  html: string,
  url: string,
  opts: { config?: Config; lookups?: AuditLookups; rules?: Rule<any>[] } = {},
): Promise<Finding[]> {
  const r = await auditHtml(html, url, { today: TODAY, ...opts.config }, { lookups: opts.lookups, rules: opts.rules });
  if (r.diagnostics.length) throw new Error(r.diagnostics.map((d) => `${d.ruleId}: ${d.message}`).join('; '));
  return r.findings;
}

export function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** A bare county list page around a given list body (for layouts not worth a fixture file). */
export function listPage(listHtml: string, opts: { column?: string; extraBody?: string } = {}): string {
  const column = opts.column ?? '部门动态';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${column}_清溪县人民政府</title></head>
<body><div class="header"><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">信息公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/zjqx/">走进清溪</a></li></ul></div></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">信息公开</a> &gt; <a href="/zwgk/x/">${column}</a></div>
<div class="main">${listHtml}${opts.extraBody ?? ''}</div>
<div class="footer"><ul><li><a href="/wzdt/">网站地图关于本网站</a></li><li><a href="/lxwm/">联系我们本站信息</a></li><li><a href="/yqlj/">友情链接政府网站</a></li><li><a href="/sy/">使用帮助说明文件</a></li><li><a href="/wza/">无障碍浏览服务</a></li></ul>
<p>主办单位：清溪县人民政府办公室　网站标识码：3311270001　浙ICP备05012345号</p></div>
</body></html>`;
}
