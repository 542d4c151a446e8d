/**
 * What the reader cannot see is not audited: hidden by attribute, inline style, a framework's hide
 * class or the content script's mark — and the selectors of what stays still name the same elements.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../rules/page/extract';
import { audit } from '../../../rules/engine';

const page = (hidden: string) => `<html><head><title>关于开展安全检查的通知</title></head><body>
<div class="content" id="zoom">
  ${hidden}
  <p>各乡镇人民政府，县直各单位：现将全县安全生产大检查有关事项通知如下，请认真贯彻落实。</p>
  <p>××县应急管理局</p>
</div></body></html>`;

const placeholders = async (html: string) =>
  (await audit(extractPage(html, 'http://www.cnx.gov.cn/art/1.html'), { today: '2024-06-01' })).findings
    .filter((f) => f.ruleId === 'text/placeholder')
    .map((f) => [f.data?.text, f.selector]);

describe('hidden content', () => {
  it('skips what is hidden, in all the ways pages hide it', async () => {
    for (const hidden of [
      '<p hidden>xx市人民政府</p>',
      '<div style="display: none"><p>xx市人民政府</p></div>',
      '<p class="ng-hide">xx市人民政府</p>',
      '<div class="layui-hide"><p>xx市人民政府</p></div>',
      '<p data-govlint-hidden="">xx市人民政府</p>',
    ]) {
      // Only the visible ×× is reported, at the selector it has in the live page (the hidden
      // <p> before it still counts in nth-of-type).
      const want = hidden.startsWith('<p') ? '#zoom > p:nth-of-type(3)' : '#zoom > p:nth-of-type(2)';
      expect(await placeholders(page(hidden)), hidden).toEqual([['××', want]]);
    }
  });
  it('reads the visible copy of the same text', async () => {
    expect((await placeholders(page('<p>xx市人民政府</p>'))).map((x) => x[0])).toEqual(['xx', '××']);
  });
  it('keeps a hidden element that holds most of the page (a template that fades the article in)', async () => {
    const html = `<html><body><div style="display:none" id="zoom"><p>各乡镇人民政府，县直各单位：现将全县安全生产大检查有关事项通知如下，请认真贯彻落实。全县各单位要高度重视。</p><p>××县应急管理局</p></div></body></html>`;
    expect((await placeholders(html)).map((x) => x[0])).toEqual(['××']);
  });
});

