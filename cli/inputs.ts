/** CLI inputs: files, directories (their .html/.htm files) and http(s) URLs, decoded to text. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHtml } from '../rules/page/decode';

export interface Input {
  /** What the user typed (or the file found in a directory they typed). */
  input: string;
  kind: 'file' | 'url';
  /** Absolute path for files. */
  path?: string;
  /** The URL the page is audited as. */
  url: string;
}

export interface Loaded {
  html: string;
  charset: string;
  /** Final URL after redirects (URL inputs). */
  url: string;
}

export class InputError extends Error {}

const HTML_FILE = /\.(?:s?html?|xhtml|jsp|aspx?|php)$/i;
const MAX_BYTES = 50 * 1024 * 1024;

export async function collectInputs(args: string[], baseUrl: string | undefined): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      out.push({ input: arg, kind: 'url', url: new URL(arg).href });
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
      out.push({ input: arg, kind: 'file', path, url: baseUrl ? new URL(baseUrl).href : pathToFileURL(path).href });
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
    const bytes = await readFile(input.path!);
    if (bytes.length > MAX_BYTES) throw new InputError(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 50 MB）：${input.input}`);
    const { html, charset } = decodeHtml(bytes);
    return { html, charset, url: canonicalOrGiven(html, input.url) };
  }
  let res: Response;
  try {
    res = await fetch(input.url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow', headers: { 'user-agent': 'GovLint/0.1 (government website checker)' } });
  } catch (e) {
    const why = e instanceof Error && e.name === 'TimeoutError' ? '超时' : e instanceof Error ? e.message : String(e);
    throw new InputError(`无法获取 ${input.url}：${why}`);
  }
  if (!res.ok) throw new InputError(`无法获取 ${input.url}：HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { html, charset } = decodeHtml(bytes, res.headers.get('content-type'));
  return { html, charset, url: res.url || input.url };
}

/** A saved file says where it came from in <link rel=canonical>, when the user gave no --base-url. */
function canonicalOrGiven(html: string, url: string): string {
  if (!url.startsWith('file:')) return url;
  const m = /<link[^>]+rel=["']?canonical["']?[^>]*>/i.exec(html.slice(0, 20000));
  const href = m && /href=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
  if (href && /^https?:\/\//i.test(href)) return href;
  return url;
}
