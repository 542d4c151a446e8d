import { looksBinary } from '../../../rules/page/decode';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, utf16WithoutBom } from '../../../rules/page/decode';

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
  it('recognises UTF-16 without a BOM when most of the page is Chinese (few zero bytes), and not text that is no UTF-16', () => {
    const chinese = `<html><head><title>通知</title></head><body>${'<p>为进一步加强政府网站建设管理，切实提升政务服务水平，现将有关事项通知如下。</p>'.repeat(30)}</body></html>`;
    expect(decodeHtml(iconv.encode(chinese, 'utf-16le'))).toMatchObject({ charset: 'utf-16le' });
    expect(decodeHtml(iconv.encode(chinese, 'utf-16be')).html).toContain('切实提升政务服务水平');
    expect(looksBinary(iconv.encode(chinese, 'utf-16le'))).toBe(false);
    // UTF-8 and GBK Chinese, and ASCII, are not read as UTF-16; random bytes with zeros are binary.
    expect(utf16WithoutBom(Buffer.from(chinese))).toBeNull();
    expect(utf16WithoutBom(iconv.encode(chinese, 'gbk'))).toBeNull();
    expect(utf16WithoutBom(Buffer.from('<html><body>plain ascii page</body></html>'.repeat(20)))).toBeNull();
    const random = Buffer.alloc(8192);
    for (let i = 0, x = 7; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    expect(looksBinary(random)).toBe(true);
  });
});
