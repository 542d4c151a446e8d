/**
 * Builds an HTML page from a plain text (first line = headline, one <p> per further line), the
 * way the corpus and fixtures turn texts into pages for extractPage + audit.
 */
import { extractPage } from '../../rules/page/extract';
import type { PageModel } from '../../rules/types';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function textToHtml(text: string, lang = 'zh-CN'): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  const [title = '', ...paras] = lines;
  return [
    '<!doctype html>',
    `<html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>`,
    '<div class="header"><a href="/">首页</a></div>',
    `<div class="article"><h1>${esc(title)}</h1>`,
    `<div class="content">`,
    ...paras.map((p) => `<p>${esc(p)}</p>`),
    '</div></div>',
    '<div class="footer">主办单位：青禾县人民政府办公室</div>',
    '</body></html>',
  ].join('\n');
}

export function pageFromText(text: string, url = 'http://www.qinghe.gov.cn/art/2024/3/1/art_1.html', lang = 'zh-CN'): PageModel {
  return extractPage(textToHtml(text, lang), url);
}
