// Formula neutralisation cannot be bypassed by an invisible control character before the trigger,
// in the CSV and in the XLSX as written to disk and read back.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { neutralise, toCsv, writeXlsx, type ExportFinding } from '../../../utils/export';

describe('formula neutralisation', () => {
  it('strips controls before looking at the first character', () => {
    expect(neutralise('\u0001=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
    expect(neutralise('\u0000\u001f+1')).toBe("'+1");
    expect(neutralise('正常文字')).toBe('正常文字');
  });

  it('leaves no cell starting with = in the written workbook or CSV', async () => {
    const f: ExportFinding = {
      ruleId: 'text/typo', level: 'warn', certainty: 'certain', message: '错别字', excerpt: '\u0001=HYPERLINK("http://evil","点我")',
      url: 'http://www.xx.gov.cn/a.html', site: 'http://www.xx.gov.cn', column: null, pageTitle: '\u0002@SUM(1)', status: 'open',
    };
    const csv = toCsv([f]);
    expect(csv).not.toMatch(/(^|,|")[=@]/m);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsx([f])) as never);
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(String(c.text ?? c.value))));
    expect(texts.some((t) => /^[=@]/.test(t))).toBe(false);
    expect(texts.some((t) => t.startsWith("'=HYPERLINK"))).toBe(true);
  });
});
