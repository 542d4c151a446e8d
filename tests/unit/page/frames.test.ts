import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../rules/page/extract';

describe('frames in the snapshot', () => {
  const html = `<html><head><title>通知</title></head><body><div class="header">示范县人民政府</div>
<govlint-frame id="govlint-frame-1" data-src="http://www.a.gov.cn/zwgk/article.html"><div class="content"><h1>关于开展大检查的通知</h1>
<p>各乡镇人民政府，县直各单位：现将全县安全生产大检查有关事项通知如下，请认真贯彻落实，确保检查工作取得实效。</p></div></govlint-frame>
<iframe src="http://www.example.com/x.html" data-govlint-unread="http://www.example.com/x.html"></iframe></body></html>`;
  const model = extractPage(html, 'http://www.a.gov.cn/zwgk/framed.html');

  it("reads a frame's content as part of the page, its selectors starting at the frame", () => {
    const p = model.body.find((b) => b.text.startsWith('各乡镇'));
    expect(p?.selector.startsWith('#govlint-frame-1 >')).toBe(true);
    expect(model.headline).toBe('关于开展大检查的通知');
  });
  it('lists the frames, read and not read', () => {
    expect(model.frames).toEqual([
      { url: 'http://www.a.gov.cn/zwgk/article.html', audited: true, id: 'govlint-frame-1' },
      { url: 'http://www.example.com/x.html', audited: false },
    ]);
  });
  it('has no frames on a page without them', () => {
    expect(extractPage('<html><body><p>正文</p></body></html>', 'http://www.a.gov.cn/').frames).toBeUndefined();
  });
});
