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
  it('reads UTF-8 bytes as UTF-8 when only a stale <meta> says gb2312 (a saved page lost its header)', () => {
    const page = PAGE.replace('{META}', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    const r = decodeHtml(Buffer.from(page));
    expect(r.charset).toBe('utf-8');
    expect(r.html).toContain('关于做好政府信息公开工作的通知');
    // Real GBK bytes under the same meta stay GBK, and a server header still wins over the bytes.
    expect(decodeHtml(iconv.encode(page, 'gbk')).charset).toBe('gbk');
    expect(decodeHtml(Buffer.from(page), 'text/html; charset=gbk').charset).toBe('gbk');
  });
  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    const le = iconv.encode(PAGE.replace('{META}', ''), 'utf-16le');
    const be = iconv.encode(PAGE.replace('{META}', ''), 'utf-16be');
    expect(decodeHtml(le)).toMatchObject({ charset: 'utf-16le' });
    expect(decodeHtml(be).html).toContain('政务公开');
  });
});
