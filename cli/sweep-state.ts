/**
 * The CLI sweep's state file: an append-only log, one JSON line per write (the sweep record, the
 * entries it changed, and the findings of the page that was just audited), so a write is whole or
 * absent even when the process is killed mid-write: a torn last line is ignored on load. Loading
 * replays the log (the last line for an entry wins) and rewrites it compacted.
 */
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import type { Finding } from '../rules/types';
import type { QueueEntry, QueueStore, SweepRecord } from '../utils/sweep/queue';

/** What the CLI keeps of an audited page, for the report and for index-number lookups on resume. */
export interface PageFindings {
  url: string;
  site: string;
  column: string | null;
  indexNumber: string | null;
  findings: Finding[];
}

interface Line {
  r?: SweepRecord;
  e?: QueueEntry[];
  p?: PageFindings;
}

export class StateFileError extends Error {}

export class FileQueue implements QueueStore {
  record: SweepRecord | null = null;
  entries = new Map<string, QueueEntry>();
  pages = new Map<string, PageFindings>();
  private loaded = false;
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  async load() {
    if (!this.loaded) await this.read();
    return { record: this.record, entries: [...this.entries.values()] };
  }

  private async read() {
    let text = '';
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') throw new StateFileError(`无法读取巡检状态文件 ${this.path}：${(e as Error).message}`);
    }
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
      if (!raw.trim()) return;
      let line: Line;
      try {
        line = JSON.parse(raw);
      } catch {
        // Only the last line can be torn (killed mid-write); a bad line elsewhere is not our file.
        if (i >= lines.length - 2) return;
        throw new StateFileError(`巡检状态文件已损坏（第 ${i + 1} 行不是有效的 JSON）：${this.path}`);
      }
      this.apply(line);
    });
    if (text && !this.record) throw new StateFileError(`不是 govlint 的巡检状态文件：${this.path}`);
    this.loaded = true;
    if (this.record) await this.compact();
  }

  private apply(line: Line) {
    if (line.r) this.record = line.r;
    for (const e of line.e ?? []) this.entries.set(e.url, e);
    if (line.p) this.pages.set(line.p.url, line.p);
  }

  /** Rewrites the log as one line per entry and page (written aside, then renamed over). */
  private async compact() {
    const out: string[] = [JSON.stringify({ r: this.record })];
    for (const p of this.pages.values()) out.push(JSON.stringify({ p }));
    const entries = [...this.entries.values()];
    for (let i = 0; i < entries.length; i += 200) out.push(JSON.stringify({ e: entries.slice(i, i + 200) }));
    const tmp = `${this.path}.tmp`;
    await writeFile(tmp, out.join('\n') + '\n');
    await rename(tmp, this.path);
  }

  async saveRecord(record: SweepRecord) {
    await this.append({ r: record });
  }

  async put(entries: QueueEntry[], record?: SweepRecord) {
    await this.append({ e: entries, ...(record ? { r: record } : {}) });
  }

  async putPage(p: PageFindings) {
    await this.append({ p });
  }

  /** Appends one line. Lines are written one after another, in call order: the last line for an entry must be its last state. */
  private append(line: Line): Promise<void> {
    const text = JSON.stringify(line) + '\n';
    this.apply(JSON.parse(text));
    const write = this.tail.then(async () => {
      try {
        await appendFile(this.path, text);
      } catch (e) {
        throw new StateFileError(`无法写入巡检状态文件 ${this.path}：${(e as Error).message}`);
      }
    });
    this.tail = write.catch(() => {});
    return write;
  }
}
