/** CLI inputs: files, directories (their .html/.htm files) and http(s) URLs, decoded to text. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHtml, looksBinary } from '../rules/page/decode';
import { isTimeout, MAX_BYTES, networkErrorZh, readCapped, TooLarge } from '../utils/http';

export interface Input {
  /** What the user typed (or the file found in a directory they typed). */
  input: string;
  kind: 'file' | 'url';
  /** Absolute path for files. */
  path?: string;
  /** The URL the page is audited as. */
  url: string;
  /** Readable only once (standard input, a pipe): kept in memory between the two passes. */
  once?: boolean;
}

export interface Loaded {
  html: string;
  charset: string;
  /** Final URL after redirects (URL inputs). */
  url: string;
}

export class InputError extends Error {}

const HTML_FILE = /\.(?:s?html?|xhtml|jsp|aspx?|php)$/i;

export async function collectInputs(args: string[], baseUrl: string | undefined): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      if (!URL.canParse(arg)) throw new InputError(`不是有效的网址：${arg}（应为 http(s)://主机/路径）`);
      out.push({ input: arg, kind: 'url', url: new URL(arg).href });
      continue;
    }
    if (arg === '-' || arg === '/dev/stdin') {
      out.push({ input: arg, kind: 'file', path: STDIN, url: baseUrl ? new URL(baseUrl).href : 'file:///dev/stdin', once: true });
      continue;
    }
    const path = resolve(arg);
    let st;
    try {
      st = await stat(path);
    } catch {
      throw new InputError(`找不到文件或目录：${arg}`);
    }
    if (st.isDirectory()) {
      const files = (await walk(path)).filter((f) => HTML_FILE.test(f)).sort();
      if (files.length === 0) throw new InputError(`目录中没有 HTML 文件：${arg}`);
      for (const f of files) {
        const rel = relative(path, f).split(sep).join('/');
        out.push({ input: f, kind: 'file', path: f, url: baseUrl ? new URL(rel, withSlash(baseUrl)).href : pathToFileURL(f).href });
      }
    } else {
      // Standard input, a pipe or a device can be read only once: the batch keeps what it read.
      const once = !st.isFile();
      out.push({ input: arg, kind: 'file', path, url: baseUrl ? new URL(baseUrl).href : pathToFileURL(path).href, ...(once ? { once } : {}) });
    }
  }
  return out;
}

function withSlash(u: string): string {
  return u.endsWith('/') ? u : u + '/';
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export async function loadInput(input: Input, timeoutMs = 20000): Promise<Loaded> {
  if (input.kind === 'file') {
    let bytes: Buffer;
    try {
      if (input.path === STDIN) bytes = await readStdin();
      else {
        const st = await stat(input.path!);
        if (st.isFile() && st.size > MAX_BYTES) throw new InputError(`文件过大（${(st.size / 1048576).toFixed(1)} MB，上限 50 MB）：${input.input}`);
        bytes = await readFile(input.path!);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`无法读取文件 ${input.input}：${fileErrorZh(e)}`);
    }
    if (bytes.length > MAX_BYTES) throw new InputError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 50 MB）：${input.input}`);
    if (bytes.length === 0) throw new InputError(`文件为空，没有可检查的内容：${input.input}`);
    if (looksBinary(bytes)) throw new InputError(`看起来不是网页（二进制文件，如图片、压缩包或 PDF）：${input.input}`);
    const { html, charset } = decodeHtml(bytes);
    return { html, charset, url: canonicalOrGiven(html, input.url) };
  }
  const signal = AbortSignal.timeout(timeoutMs);
  const timeoutZh = `超时（${Math.round(timeoutMs / 1000)} 秒内没有读完）：请确认网址能在浏览器中打开，或稍后再试`;
  let res: Response;
  try {
    res = await fetch(input.url, { signal, redirect: 'follow', headers: { 'user-agent': 'GovLint/0.1 (government website checker)' } });
  } catch (e) {
    throw new InputError(`无法获取 ${input.url}：${isTimeout(e) ? timeoutZh : networkErrorZh(e)}`);
  }
  if (!res.ok) throw new InputError(`无法获取 ${input.url}：服务器返回 HTTP ${res.status}`);
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(res, input.url);
  } catch (e) {
    if (e instanceof TooLarge) throw new InputError(e.message);
    throw new InputError(`无法获取 ${input.url}：${isTimeout(e) ? timeoutZh : networkErrorZh(e)}`);
  }
  const { html, charset } = decodeHtml(bytes, res.headers.get('content-type'));
  return { html, charset, url: res.url || input.url };
}

/** Standard input (`-` or /dev/stdin), read from the process's own stream: opening /dev/stdin fails on a socket. */
const STDIN = '\0stdin';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of process.stdin) {
    total += (c as Buffer).length;
    if (total > MAX_BYTES) throw new InputError('标准输入过大（超过 50 MB 上限）');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

function fileErrorZh(e: unknown): string {
  const code = (e as { code?: string })?.code ?? '';
  const known: Record<string, string> = {
    ENOENT: '文件不存在（可能在检查过程中被移动或删除）',
    EACCES: '没有读取权限',
    EISDIR: '这是一个目录',
    EMFILE: '打开的文件过多',
  };
  return known[code] ?? `读取出错${code ? `（${code}）` : ''}`;
}

/** A saved file says where it came from in <link rel=canonical>, when the user gave no --base-url. */
function canonicalOrGiven(html: string, url: string): string {
  if (!url.startsWith('file:')) return url;
  const m = /<link[^>]+rel=["']?canonical["']?[^>]*>/i.exec(html.slice(0, 20000));
  const href = m && /href=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
  if (href && /^https?:\/\//i.test(href)) return href;
  return url;
}
