/** The govlint command as a user runs it: a real process, real files, exit codes, stdout. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { detailPage } from '../rules/helpers';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'cli/bin.mjs');

function govlint(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'govlint-cli-'));
  made.push(d);
  return d;
}

const GOOD = detailPage({ fields: [['索引号', '01526376-X-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04'], ['文号', '保政办函〔2018〕24号']] });
const BAD = detailPage({ fields: [['索引号', '01526376-5-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04']] });

describe('govlint audit', () => {
  it('prints findings grouped by page with a Chinese summary; exit 1 on error-level findings', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.html'), BAD);
    const r = govlint(['audit', join(dir, 'bad.html'), '--base-url', 'http://www.cnx.gov.cn/a.html', '--today', '2026-11-22']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('http://www.cnx.gov.cn/a.html');
    expect(r.stdout).toContain('严重');
    expect(r.stdout).toContain('校验位错误');
    expect(r.stdout).toMatch(/共检查 1 个页面，发现 \d+ 个问题：严重 1/);
  });

  it('counts 提示 findings per page in the table, and lists them with --verbose', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.html'), detailPage({ fields: [['索引号', '01526376-X-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04'], ['文号', ''], ['主题词', '']] }));
    const quiet = govlint(['audit', join(dir, 'p.html'), '--base-url', 'http://www.cnx.gov.cn/a.html']);
    expect(quiet.stdout).toContain('另有提示 2 条（加 --verbose 逐条列出）');
    expect(quiet.stdout).not.toContain('目录要素“文号”为空');
    const verbose = govlint(['audit', join(dir, 'p.html'), '--base-url', 'http://www.cnx.gov.cn/a.html', '--verbose']);
    expect(verbose.stdout).toContain('目录要素“文号”为空');
  });

  it('writes the documented JSON and exits 0 without error-level findings', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.html'), GOOD);
    const r = govlint(['audit', dir, '--format', 'json', '--base-url', 'http://www.cnx.gov.cn/zwgk/', '--today', '2026-11-22']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]).toMatchObject({ url: 'http://www.cnx.gov.cn/zwgk/good.html', kind: 'detail', title: '昌宁县2018年政务公开工作要点落实情况报告' });
    expect(Object.keys(doc.summary).sort()).toEqual(['error', 'info', 'warn']);
    for (const f of doc.pages[0].findings) expect(Object.keys(f).sort()).toEqual(['certainty', 'excerpt', 'field', 'level', 'message', 'ruleId', 'selector', 'suggestion']);
    expect(doc.pages[0].findings.some((f: { ruleId: string }) => f.ruleId === 'doc-number/format')).toBe(false);
  });

  it('finds duplicates across the pages of one run (both pages)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.html'), GOOD);
    writeFileSync(join(dir, 'b.html'), GOOD);
    const doc = JSON.parse(govlint(['audit', dir, '--format', 'json', '--base-url', 'http://www.cnx.gov.cn/']).stdout);
    for (const p of doc.pages) expect(p.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('index-number/duplicate');
  });

  it('decodes a GBK page by its meta charset', () => {
    const dir = tmp();
    const html = BAD.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    const bytes = encodeGbk(html);
    writeFileSync(join(dir, 'gbk.html'), bytes);
    const doc = JSON.parse(govlint(['audit', join(dir, 'gbk.html'), '--format', 'json', '--base-url', 'http://www.cnx.gov.cn/a.html']).stdout);
    expect(doc.pages[0].title).toBe('昌宁县2018年政务公开工作要点落实情况报告');
    expect(doc.pages[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('index-number/check-digit');
  });

  it('exits 2 with a message on stderr for usage and input errors, and for a corrupt config', () => {
    expect(govlint([]).code).toBe(2);
    const missing = govlint(['audit', '/no/such/file.html']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件或目录');
    const dir = tmp();
    writeFileSync(join(dir, 'p.html'), GOOD);
    writeFileSync(join(dir, 'bad.json'), '{ "rules": { "doc-number/format": "loud" ');
    const corrupt = govlint(['audit', join(dir, 'p.html'), '--config', join(dir, 'bad.json')]);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toContain('不是有效的 JSON');
    writeFileSync(join(dir, 'wrong.json'), '{ "rules": { "doc-number/format": "loud" } }');
    const wrong = govlint(['audit', join(dir, 'p.html'), '--config', join(dir, 'wrong.json')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('级别必须是');
    expect(govlint(['audit', join(dir, 'p.html'), '--today', '22/11/2026']).code).toBe(2);
    expect(govlint(['audit', join(dir, 'p.html'), '--profile', 'weekly']).code).toBe(2);
  });

  it('applies a config file and a profile', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.html'), BAD);
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ rules: { 'index-number/check-digit': 'off' } }));
    const r = govlint(['audit', join(dir, 'p.html'), '--config', join(dir, 'c.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).pages[0].findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('index-number/check-digit');
  });

  it('audits a 10 MB page', () => {
    const dir = tmp();
    const para = '<p>根据《保山市人民政府办公室关于印发保山市2018年政务公开工作要点分工方案的通知》（保政办函〔2018〕24号）文件要求，昌宁县人民政府高度重视，加强组织领导，积极开展部署，细化分解任务。</p>\n';
    const big = BAD.replace('</div></div>\n<div class="footer">', para.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(para))) + '<p>新建政务服务中心于201711月投入运行。</p></div></div>\n<div class="footer">');
    expect(Buffer.byteLength(big)).toBeGreaterThan(10 * 1024 * 1024);
    writeFileSync(join(dir, 'big.html'), big);
    const r = govlint(['audit', join(dir, 'big.html'), '--format', 'json', '--base-url', 'http://www.cnx.gov.cn/big.html']);
    expect(r.code).toBe(1);
    const rules = JSON.parse(r.stdout).pages[0].findings.map((f: { ruleId: string }) => f.ruleId);
    expect(rules).toContain('index-number/check-digit');
    expect(rules).toContain('date/malformed-text');
  }, 60000);

  it('writes complete output for a run of 1,500 pages', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'site'));
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, 'site', `p${String(i).padStart(4, '0')}.html`), BAD.replace('1204001', String(1204001 + i)));
    const r = govlint(['audit', join(dir, 'site'), '--format', 'json', '--base-url', 'http://www.cnx.gov.cn/']);
    const doc = JSON.parse(r.stdout);
    expect(doc.pages).toHaveLength(1500);
    expect(doc.summary.error).toBe(1500);
  }, 120000);
});

/** GBK bytes for the test page (TextEncoder only writes UTF-8; iconv-lite encodes GBK). */
function encodeGbk(s: string): Buffer {
  return iconv.encode(s, 'gbk');
}

describe('govlint audit --format xlsx|csv', () => {
  it('writes the rectification list as a workbook with Chinese headers, one row per finding, neutralised formulas', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const dir = tmp();
    const evil = detailPage({
      headline: '关于做好防汛工作的通知',
      fields: [['索引号', '01526376-5-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04'], ['名称', '=1+1']],
    });
    writeFileSync(join(dir, 'p.html'), evil);
    const json = JSON.parse(govlint(['audit', join(dir, 'p.html'), '--format', 'json', '--base-url', 'http://www.cnx.gov.cn/a.html']).stdout);
    // 提示 stays out of the 整改清单 unless --include-info.
    const total = json.summary.error + json.summary.warn;
    const r = govlint(['audit', join(dir, 'p.html'), '--format', 'xlsx', '--out', join(dir, 'r.xlsx'), '--base-url', 'http://www.cnx.gov.cn/a.html', '--today', '2024-06-30']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已写入整改清单');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    // The cover first: 单位, 检查日期, 检查人 (to fill in), 范围.
    const cover = wb.worksheets[0];
    expect(cover.name).toBe('封面');
    const coverText = new Map<string, unknown>();
    cover.eachRow((row) => coverText.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(coverText.get('单位')).toBe('www.cnx.gov.cn');
    expect(coverText.get('检查日期')).toBe('2024-06-30');
    expect(coverText.has('检查人')).toBe(true);
    expect(String(coverText.get('问题数'))).toContain('提示类问题未列入');
    const sheet = wb.getWorksheet('问题清单')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '网站', '栏目', '页面标题', '页面地址', '问题类型', '级别', '问题描述', '原文摘录', '修改建议', '发现时间', '最近检查', '状态', '备注', '整改期限', '责任人', '整改情况', '截图']);
    expect(sheet.rowCount - 1).toBe(total);
    const withInfo = govlint(['audit', join(dir, 'p.html'), '--format', 'xlsx', '--out', join(dir, 'all.xlsx'), '--base-url', 'http://www.cnx.gov.cn/a.html', '--include-info']);
    expect(withInfo.code).toBe(1);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(join(dir, 'all.xlsx'));
    expect(wb2.getWorksheet('问题清单')!.rowCount - 1).toBe(total + json.summary.info);
    const excerpts: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cell = row.getCell(9);
      expect(cell.formula).toBeUndefined();
      excerpts.push(cell.value);
    });
    expect(excerpts).toContain("'=1+1");
  });

  it('writes CSV with a BOM for Excel, and exits 2 when --out is missing or unwritable', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.html'), BAD);
    expect(govlint(['audit', join(dir, 'p.html'), '--format', 'csv', '--out', join(dir, 'r.csv')]).code).toBe(1);
    const csv = readFileSync(join(dir, 'r.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('序号,网站,栏目');
    expect(govlint(['audit', join(dir, 'p.html'), '--format', 'csv']).code).toBe(2);
    const unwritable = govlint(['audit', join(dir, 'p.html'), '--format', 'csv', '--out', join(dir, 'no/such/dir/r.csv')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('无法写入');
  });
});
