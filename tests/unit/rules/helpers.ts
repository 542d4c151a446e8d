/** Builds realistic detail pages for rule tests and audits them with the real engine. */
import { auditHtml } from '../../../rules/run';
import type { AuditLookups, Config, Finding } from '../../../rules/types';

export interface DetailSpec {
  fields?: [string, string][];
  headline?: string;
  body?: string[];
  column?: string;
  lang?: string;
}

/** A county-site detail page: header menu, breadcrumb, catalogue table, article, footer. */
export function detailPage(spec: DetailSpec = {}): string {
  const fields = spec.fields ?? [
    ['索引号', '01526376-X-/2018-1204001'],
    ['发布机构', '昌宁县人民政府'],
    ['发布日期', '2018-12-04'],
  ];
  const rows: string[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    const cells = fields.slice(i, i + 2).map(([l, v]) => `<td class="label">${l}</td><td>${v}</td>`);
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  const body = (spec.body ?? ['为全面推进政务公开工作，明确了由县委常委、常务副县长分管，各单位行政办公室负责具体工作落实的政务公开领导机构。']).map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html${spec.lang === undefined ? ' lang="zh-CN"' : spec.lang ? ` lang="${spec.lang}"` : ''}><head><meta charset="utf-8"><title>${spec.headline ?? '昌宁县2018年政务公开工作要点落实情况报告'}_昌宁县人民政府</title>
<meta name="SiteName" content="昌宁县人民政府"><meta name="ColumnName" content="${spec.column ?? '情况报告'}"></head>
<body><div class="header"><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">信息公开</a> &gt; <a href="/zwgk/qk/">${spec.column ?? '情况报告'}</a></div>
<div class="xxgk-box"><table>${rows.join('\n')}</table></div>
<div class="article"><h1 class="title">${spec.headline ?? '昌宁县2018年政务公开工作要点落实情况报告'}</h1>
<div id="zoom">${body}</div></div>
<div class="footer"><p>主办单位：昌宁县人民政府办公室　网站标识码：5305240001　滇ICP备05003788号</p></div>
</body></html>`;
}

export const URL_ = 'http://www.cnx.gov.cn/zwgk/qk/201812/t20181204_1.html';

export async function run(html: string, config: Config = {}, lookups?: AuditLookups, url = URL_): Promise<Finding[]> {
  const r = await auditHtml(html, url, { today: '2026-11-22', ...config }, { lookups });
  if (r.diagnostics.length) throw new Error(r.diagnostics.map((d) => `${d.ruleId}: ${d.message}`).join('; '));
  return r.findings;
}

export function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}
