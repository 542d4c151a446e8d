/**
 * A minimal ZIP writer (the container of XLSX files): entries deflated with the platform's own
 * zlib through CompressionStream('deflate-raw') — native code in Chromium, Firefox and Node 20,
 * several times faster than deflate in JavaScript on the tens of megabytes of XML a large
 * rectification list makes. No ZIP64: entries and the archive stay under 4 GiB.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

interface Entry {
  name: Uint8Array;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
  method: 0 | 8;
}

const encoder = new TextEncoder();

/** One entry being written: push its bytes in chunks, then end() it. */
export interface ZipEntryWriter {
  push(chunk: Uint8Array | string): Promise<void>;
  end(): Promise<void>;
}

export class ZipWriter {
  private parts: Uint8Array[] = [];
  private offset = 0;
  private entries: Entry[] = [];
  private readonly stamp: { time: number; date: number };

  constructor(now = new Date()) {
    this.stamp = {
      time: (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1),
      date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
    };
  }

  /** A whole small entry at once. */
  async add(name: string, data: Uint8Array | string, compress = true): Promise<void> {
    const w = this.entry(name, compress);
    await w.push(data);
    await w.end();
  }

  /** A streamed entry (a worksheet written row by row). Entries are written one after another. */
  entry(name: string, compress = true): ZipEntryWriter {
    let crc = 0;
    let size = 0;
    const out: Uint8Array[] = [];
    let writer: WritableStreamDefaultWriter<BufferSource> | null = null;
    let draining: Promise<void> = Promise.resolve();
    if (compress) {
      const cs = new CompressionStream('deflate-raw');
      writer = cs.writable.getWriter();
      const reader = cs.readable.getReader();
      draining = (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          out.push(value);
        }
      })();
    }
    return {
      push: async (chunk) => {
        const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
        if (bytes.length === 0) return;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (writer) {
          // Wait for room in the queue, not for this chunk: the native deflate then runs while
          // the next chunk of XML is being built. Write errors surface at close().
          await writer.ready;
          writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
        }
        else out.push(bytes);
      },
      end: async () => {
        if (writer) {
          await writer.close();
          await draining;
        }
        let compressedSize = 0;
        for (const p of out) compressedSize += p.length;
        const entry: Entry = { name: encoder.encode(name), crc, size, compressedSize, offset: this.offset, method: compress ? 8 : 0 };
        this.entries.push(entry);
        this.write(this.localHeader(entry));
        for (const p of out) this.write(p);
      },
    };
  }

  /** The archive: local entries, central directory, end record. */
  finish(): Uint8Array {
    const start = this.offset;
    for (const e of this.entries) this.write(this.centralHeader(e));
    const end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, this.entries.length, true);
    end.setUint16(10, this.entries.length, true);
    end.setUint32(12, this.offset - start, true);
    end.setUint32(16, start, true);
    this.write(new Uint8Array(end.buffer));
    const all = new Uint8Array(this.offset);
    let o = 0;
    for (const p of this.parts) {
      all.set(p, o);
      o += p.length;
    }
    return all;
  }

  private write(p: Uint8Array) {
    this.parts.push(p);
    this.offset += p.length;
  }

  private localHeader(e: Entry): Uint8Array {
    const h = new DataView(new ArrayBuffer(30 + e.name.length));
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 0x0800, true); // UTF-8 names
    h.setUint16(8, e.method, true);
    h.setUint16(10, this.stamp.time, true);
    h.setUint16(12, this.stamp.date, true);
    h.setUint32(14, e.crc, true);
    h.setUint32(18, e.compressedSize, true);
    h.setUint32(22, e.size, true);
    h.setUint16(26, e.name.length, true);
    const bytes = new Uint8Array(h.buffer);
    bytes.set(e.name, 30);
    return bytes;
  }

  private centralHeader(e: Entry): Uint8Array {
    const h = new DataView(new ArrayBuffer(46 + e.name.length));
    h.setUint32(0, 0x02014b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 20, true);
    h.setUint16(8, 0x0800, true);
    h.setUint16(10, e.method, true);
    h.setUint16(12, this.stamp.time, true);
    h.setUint16(14, this.stamp.date, true);
    h.setUint32(16, e.crc, true);
    h.setUint32(20, e.compressedSize, true);
    h.setUint32(24, e.size, true);
    h.setUint16(28, e.name.length, true);
    h.setUint32(42, e.offset, true);
    const bytes = new Uint8Array(h.buffer);
    bytes.set(e.name, 46);
    return bytes;
  }
}
