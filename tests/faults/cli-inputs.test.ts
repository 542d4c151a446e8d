/**
 * The CLI fails cleanly: every message Chinese and specific, never a stack trace (unless --debug),
 * exit 3 when some inputs could not be audited while the others' report is complete.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, loadInput } from '../../cli/inputs';
import { detailPage } from '../unit/rules/helpers';

const BIN = join(resolve(import.meta.dirname, '../..'), 'cli/bin.mjs');
const dir = mkdtempSync(join(tmpdir(), 'govlint-cli-fail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function govlint(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const BAD = detailPage({ fields: [['索引号', '01526376-5-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04']] });

describe('govlint audit on bad input', () => {
  it('an empty file among good ones: exit 3, the good page fully reported, the empty one named', () => {
    writeFileSync(join(dir, 'empty.html'), '');
    writeFileSync(join(dir, 'bad.html'), BAD);
    const r = govlint(['audit', join(dir, 'empty.html'), join(dir, 'bad.html'), '--format', 'json']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.pages[0].error).toMatch(/文件为空/);
    expect(doc.pages[1].findings.some((f: { ruleId: string }) => f.ruleId === 'index-number/check-digit')).toBe(true);
    noStack(r.all);
  });

  it('text with no element at all is audited, not a crash', () => {
    writeFileSync(join(dir, 'plain.html'), '只有一行文字，没有任何标签');
    const r = govlint(['audit', join(dir, 'plain.html')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('共检查 1 个页面');
    noStack(r.all);
  });

  it('a malformed URL is a usage error in Chinese, exit 2, no stack trace', () => {
    const r = govlint(['audit', 'http://']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是有效的网址/);
    noStack(r.all);
  });

  it('a refused connection says so in Chinese (not "fetch failed")', () => {
    const r = govlint(['audit', 'http://127.0.0.1:59999/a.html']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/连接被拒绝/);
    expect(r.all).not.toMatch(/fetch failed/);
  });

  it('reads standard input once and audits what it read', () => {
    const r = govlint(['audit', '/dev/stdin', '--base-url', 'http://www.cnx.gov.cn/a.html', '--format', 'json'], BAD);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).pages[0].findings.some((f: { ruleId: string }) => f.ruleId === 'index-number/check-digit')).toBe(true);
  });

  it('a file gone by the time it is read is an input error in Chinese', async () => {
    const path = join(dir, 'gone.html');
    const err = await loadInput({ input: path, kind: 'file', path, url: 'file:///gone.html' }).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/文件不存在/);
  });
});

describe('URL bodies are streamed under the same cap as files', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (req.url === '/endless') {
        // 1 MB chunks without end: the reader must stop at the cap, not hold the whole answer.
        const chunk = Buffer.alloc(1 << 20, 0x61);
        const push = () => {
          while (res.write(chunk)) if (res.destroyed) return;
          res.once('drain', push);
        };
        res.on('close', () => res.removeAllListeners('drain'));
        push();
      } else if (req.url === '/trickle') {
        res.write('<html><body>');
        const t = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(t));
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  it('stops reading an endless answer at 50 MB', async () => {
    const url = `${base}/endless`;
    const err = await loadInput({ input: url, kind: 'url', url }).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/网页过大/);
  });

  it('gives up on an answer that never ends, with a Chinese timeout message', async () => {
    const url = `${base}/trickle`;
    const err = await loadInput({ input: url, kind: 'url', url }, 500).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/超时/);
  });
});
