/**
 * The classic hostile inputs — files, HTTP responses, configs — with the outcome each must get.
 * The fault tests (npm run test:faults) and the fault table (npm run faults:measure) use the same.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface HostileFile {
  name: string;
  /** What the input is, for the table. */
  what: string;
  /** The exit code the CLI must give (0 none serious, 1 serious, 2 nothing readable, 3 some inputs unreadable). */
  exit: number;
  /** Text the CLI's output must contain. */
  says: RegExp;
  /** Seconds the run may take (the test's timeout): generous for a slow CI machine, far below what broke. */
  bound: number;
  /**
   * Peak memory (MB, the CLI's own maximum resident set) the run may reach. Issue 12 asks 10× the page
   * (500 MB for big.html); that page still peaks near 1 GB, so it carries no bound yet.
   */
  peakMb?: number;
  write(path: string): void;
}

const MB = 1 << 20;
const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>测试页面</title></head><body>${body}</body></html>`;
const para = '<p>为进一步加强政府网站建设管理，切实提升政务服务水平，现将有关事项通知如下。</p>\n';
/** n nested <div>s around the text, every one closed. */
export const nestedPage = (n: number) => page('<div>'.repeat(n) + '正文' + '</div>'.repeat(n));
/** n <div><span> pairs never closed: each tag is one deeper than the last. */
export const unclosedPage = (n: number) => page('<div><span>'.repeat(n) + '正文');
/** The sizes the fault table shows deep input at, to show the growth is linear. */
export const DEPTHS = [25_000, 50_000, 100_000, 200_000];

export const HOSTILE_FILES: HostileFile[] = [
  { name: 'empty.html', what: '空文件', exit: 2, says: /文件为空/, bound: 30, write: (p) => writeFileSync(p, '') },
  {
    name: 'binary.html',
    what: '二进制内容（1 MB 随机字节）',
    exit: 2,
    says: /不是网页|二进制/,
    bound: 30,
    write: (p) => {
      const b = Buffer.alloc(MB);
      let x = 2463534242;
      for (let i = 0; i < b.length; i++) b[i] = (x = (x ^ (x << 13) ^ (x >>> 17) ^ (x << 5)) >>> 0) & 0xff;
      writeFileSync(p, b);
    },
  },
  // Deep input: parsing was quadratic in depth (htmlparser2's open-element stack), 200k unclosed
  // took minutes; linear now, a second or two. 20 s is far from both.
  { name: 'deep.html', what: '10 万层嵌套的 div', exit: 0, says: /共检查 1 个页面/, bound: 20, write: (p) => writeFileSync(p, nestedPage(100_000)) },
  { name: 'unclosed.html', what: '10 万个未闭合的 div + span', exit: 0, says: /共检查 1 个页面/, bound: 20, write: (p) => writeFileSync(p, unclosedPage(100_000)) },
  { name: 'deeper.html', what: '20 万层嵌套的 div', exit: 0, says: /共检查 1 个页面/, bound: 20, write: (p) => writeFileSync(p, nestedPage(200_000)) },
  { name: 'unclosed-more.html', what: '20 万个未闭合的 div + span', exit: 0, says: /共检查 1 个页面/, bound: 20, write: (p) => writeFileSync(p, unclosedPage(200_000)) },
  {
    name: 'links.html',
    what: '20 万个链接',
    exit: 0,
    says: /共检查 1 个页面/,
    bound: 60,
    write: (p) => writeFileSync(p, page(Array.from({ length: 200_000 }, (_, i) => `<a href="/n/${i}.html">第${i}条</a>`).join('\n'))),
  },
  {
    name: 'big.html',
    what: '50 MB 正文',
    exit: 0,
    says: /共检查 1 个页面/,
    bound: 60,
    write: (p) => writeFileSync(p, page(para.repeat(Math.floor((50 * MB - 200) / Buffer.byteLength(para))))),
  },
  { name: 'too-big.html', what: '超过 50 MB 的文件', exit: 2, says: /过大/, bound: 30, write: (p) => writeFileSync(p, Buffer.alloc(50 * MB + 1, 0x20)) },
  {
    name: 'utf16.html',
    what: 'UTF-16LE、无 BOM',
    exit: 0,
    says: /共检查 1 个页面/,
    bound: 30,
    write: (p) => writeFileSync(p, Buffer.from(page(para.repeat(20)), 'utf16le')),
  },
];

export function writeHostileFiles(dir: string): { file: HostileFile; path: string }[] {
  return HOSTILE_FILES.map((file) => {
    const path = join(dir, file.name);
    file.write(path);
    return { file, path };
  });
}

export interface HostileResponse {
  path: string;
  what: string;
  exit: number;
  says: RegExp;
}

/** What serveHostile() answers: a body that never ends, and one of 1 GB sent as fast as it is read. */
export const HOSTILE_RESPONSES: HostileResponse[] = [
  { path: '/trickle', what: '永不结束的响应（每 50 毫秒一个空格）', exit: 2, says: /超时/ },
  { path: '/gigabyte', what: '1 GB 的响应', exit: 2, says: /网页过大/ },
];

export async function serveHostile(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (req.url === '/trickle') {
      res.write('<html><body>');
      const t = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(t));
    } else if (req.url === '/gigabyte') {
      const chunk = Buffer.alloc(MB, 0x61);
      let sent = 0;
      const push = () => {
        while (sent < 1024 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      push();
    } else res.end('<html><body>ok</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export interface HostileConfig {
  what: string;
  text: string;
  /** The message must name the path of what is wrong. */
  says: RegExp;
}

export const HOSTILE_CONFIGS: HostileConfig[] = [
  { what: '嵌套重复的正则（灾难性回溯）', text: '{"sites":{"cnx.gov.cn":{"indexPatterns":["(a+)+$"]}}}', says: /sites\["cnx\.gov\.cn"\]\.indexPatterns\[0\]: 含嵌套的重复/ },
  { what: '看似合理的灾难性正则', text: '{"sites":{"cnx.gov.cn":{"indexPatterns":["^([0-9A-Z]+-?)+/[0-9]{4}-[0-9]{5}$"]}}}', says: /indexPatterns\[0\]: 含嵌套的重复/ },
  { what: '正则列表写成数字', text: '{"sites":{"cnx.gov.cn":{"indexPatterns":5}}}', says: /indexPatterns: indexPatterns 应为正则表达式列表/ },
  { what: '词典写成数字（会让规则出错）', text: '{"dictionaries":{"whitelist":5}}', says: /dictionaries\.whitelist: 白名单应为字符串列表/ },
  { what: '选项类型不对', text: '{"rules":{"interaction/slow-reply":["warn",{"maxWorkingDays":"twenty"}]}}', says: /rules\["interaction\/slow-reply"\]\[1\]\.maxWorkingDays: .*应为数字/ },
  { what: '不存在的日期', text: '{"today":"2024-13-45"}', says: /today: today “2024-13-45”不是有效的 YYYY-MM-DD 日期/ },
  { what: '不是 JSON', text: '{bad json', says: /配置文件不是有效的 JSON/ },
];
