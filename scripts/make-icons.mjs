// Writes public/icon/{16,32,48,128}.png: a blue rounded square with a white check mark.
// Plain zlib + PNG chunks, so no image library is needed; run once, the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function icon(n) {
  const px = (x, y) => {
    const r = n * 0.18, inside = (cx, cy) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    const inRect = (x >= r && x < n - r) || (y >= r && y < n - r) || inside(r, r) || inside(n - r, r) || inside(r, n - r) || inside(n - r, n - r);
    if (!inRect) return [0, 0, 0, 0];
    // check mark: two thick segments
    const d = (ax, ay, bx, by) => {
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
    };
    const w = n * 0.09;
    if (d(n * 0.25, n * 0.52, n * 0.43, n * 0.7) < w || d(n * 0.43, n * 0.7, n * 0.76, n * 0.3) < w) return [255, 255, 255, 255];
    return [26, 115, 232, 255];
  };
  const raw = Buffer.alloc((n * 4 + 1) * n);
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0;
    for (let x = 0; x < n; x++) raw.set(px(x + 0.5, y + 0.5), y * (n * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0); ihdr.writeUInt32BE(n, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
mkdirSync('public/icon', { recursive: true });
for (const n of [16, 32, 48, 128]) writeFileSync(`public/icon/${n}.png`, icon(n));
console.log('icons written');
