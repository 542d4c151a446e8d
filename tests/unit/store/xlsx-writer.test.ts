/** The XLSX writer and its ZIP container, read back with exceljs (an independent OOXML reader). */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { colName, MAX_HYPERLINKS, writeWorkbook, xmlEscape } from '../../../utils/xlsx-writer';
import { crc32, ZipWriter } from '../../../utils/zip';

async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
  it('writes stored and deflated entries into a valid archive', async () => {
    const z = new ZipWriter();
    await z.add('a.txt', '政务公开'.repeat(1000), true);
    await z.add('b.txt', 'plain', false);
    const bytes = z.finish();
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint32(bytes.length - 22, true)).toBe(0x06054b50);
    expect(view.getUint16(bytes.length - 22 + 10, true)).toBe(2);
    expect(bytes.length).toBeLessThan(1000); // 12,000 bytes of repeated text, deflated
  });
});

describe('xlsx writer', () => {
  it('names columns and escapes what XML forbids', () => {
    expect([0, 25, 26, 27, 701, 702].map(colName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(xmlEscape('a<b>&"c"\u0001\u0008d\uD800')).toBe('a&lt;b&gt;&amp;&quot;c&quot;d');
  });

  it('writes a workbook exceljs reads: header, frozen pane, autofilter, widths, links, numbers, shared text', async () => {
    const bytes = await writeWorkbook([
      {
        name: '问题清单',
        header: ['序号', '页面地址', '原文摘录'],
        widths: [6, 40, 40],
        rows: [
          [1, { text: 'http://www.x.gov.cn/a.html', hyperlink: 'http://www.x.gov.cn/a.html?x=1&y=2' }, "'=1+1"],
          [2, 'http://www.x.gov.cn/b.html', '  前后有空格  '],
        ],
      },
      { name: '汇总', rows: [['合计', 2]], boldRows: new Set([0]) },
    ]);
    const wb = await read(bytes);
    const ws = wb.getWorksheet('问题清单')!;
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '页面地址', '原文摘录']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:C3');
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getCell('B2').value).toEqual({ text: 'http://www.x.gov.cn/a.html', hyperlink: 'http://www.x.gov.cn/a.html?x=1&y=2' });
    expect(ws.getCell('A3').value).toBe(2);
    expect(ws.getCell('C2').value).toBe("'=1+1");
    expect(ws.getCell('C2').formula).toBeUndefined();
    expect(ws.getCell('C3').value).toBe('  前后有空格  ');
    expect(wb.getWorksheet('汇总')!.getCell('A1').font?.bold).toBe(true);
  });

  it('keeps URLs past Excel’s hyperlink limit as plain text', async () => {
    function* rows() {
      for (let i = 0; i < MAX_HYPERLINKS + 5; i++) yield [{ text: `http://x.gov.cn/${i}`, hyperlink: `http://x.gov.cn/${i}` }];
    }
    const ws = (await read(await writeWorkbook([{ name: 's', header: ['页面地址'], rows: rows() }]))).worksheets[0];
    expect(ws.getCell(`A${MAX_HYPERLINKS + 1}`).value).toMatchObject({ hyperlink: `http://x.gov.cn/${MAX_HYPERLINKS - 1}` });
    expect(ws.getCell(`A${MAX_HYPERLINKS + 2}`).value).toBe(`http://x.gov.cn/${MAX_HYPERLINKS}`);
  }, 60000);
});
