import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../rules/page/decode';

const PAGE = '<html><head>{META}<title>政务公开</title></head><body>关于做好政府信息公开工作的通知</body></html>';

describe('decodeHtml', () => {
  it('follows the BOM first', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE.replace('{META}', '<meta charset="gbk">'))]);
    expect(decodeHtml(bytes)).toMatchObject({ charset: 'utf-8' });
    expect(decodeHtml(bytes).html).toContain('政务公开');
  });
  it('uses the HTTP header, then <meta>', () => {
    const gbk = iconv.encode(PAGE.replace('{META}', ''), 'gbk');
    expect(decodeHtml(gbk, 'text/html; charset=GB2312').html).toContain('政务公开');
    const withMeta = iconv.encode(PAGE.replace('{META}', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');
    expect(decodeHtml(withMeta)).toMatchObject({ charset: 'gbk' });
    expect(decodeHtml(withMeta).html).toContain('关于做好政府信息公开工作的通知');
  });
  it('falls back to GB18030 when undeclared bytes are not UTF-8', () => {
    const r = decodeHtml(iconv.encode(PAGE.replace('{META}', ''), 'gb18030'));
    expect(r.charset).toBe('gb18030');
    expect(r.html).toContain('政务公开');
  });
  it('reads plain UTF-8 and ignores an unknown declared charset', () => {
    expect(decodeHtml(Buffer.from(PAGE.replace('{META}', '<meta charset="x-unknown">'))).html).toContain('政务公开');
  });
});
