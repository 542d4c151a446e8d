/**
 * The shipped text-rule dictionaries (rules/dicts/) are data a person edits: this test checks
 * what an editor could break — the file formats, duplicates, exceptions that cannot work,
 * entries that would report correct text (a `wrong` inside a legitimate reduplication, an old
 * organ name inside a current one, a suggestion that is itself reported) — and that the lists
 * find the defects of seed 002's machine-spun paragraphs and nothing in the other seeds.
 * It parses the files with its own small parser so that it tests the data, not the loader.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dictDir = fileURLToPath(new URL('../../../rules/dicts/', import.meta.url));
// Copies of ../shared/seeds, so the suite runs from any checkout.
const seedDir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
const read = (f: string) => readFileSync(dictDir + f, 'utf8').replace(/\r\n?/g, '\n');

interface Pair {
  wrong: string;
  right: string;
  exceptions: string[];
  note: string;
  line: number;
  /** Number of TAB-separated columns on the line. */
  cols: number;
}

/** Non-comment, non-empty lines with their 1-based line numbers. */
function dataLines(text: string): { cols: string[]; line: number }[] {
  return text
    .split('\n')
    .map((raw, i) => ({ raw, line: i + 1 }))
    .filter(({ raw }) => raw.trim() !== '' && !raw.trimStart().startsWith('#'))
    .map(({ raw, line }) => ({ cols: raw.split('\t'), line }));
}

function parsePairs(text: string): Pair[] {
  return dataLines(text).map(({ cols, line }) => ({
    wrong: cols[0] ?? '',
    right: cols[1] ?? '',
    exceptions: (cols[2] ?? '').split(',').filter((x) => x !== ''),
    note: cols[3] ?? '',
    line,
    cols: cols.length,
  }));
}

/** Positions where `wrong` occurs in `text` and no exception string covers the occurrence. */
function uncovered(text: string, wrong: string, exceptions: string[]): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(wrong); i >= 0; i = text.indexOf(wrong, i + 1)) {
    const covered = exceptions.some((x) => {
      for (let j = x.indexOf(wrong); j >= 0; j = x.indexOf(wrong, j + 1)) if (text.startsWith(x, i - j)) return true;
      return false;
    });
    if (!covered) out.push(i);
  }
  return out;
}

const typosText = read('typos.tsv');
const seriousText = read('serious.tsv');
const typos = parsePairs(typosText);
const serious = parsePairs(seriousText);
const reduplication = dataLines(read('reduplication.txt')).map(({ cols }) => cols[0].trim());
const functionWords = dataLines(read('function-words.txt')).map(({ cols, line }) => ({
  word: cols[0].trim(),
  exceptions: (cols[1] ?? '').split(',').filter((x) => x !== ''),
  cols: cols.length,
  line,
}));
const outdated = dataLines(read('outdated.tsv')).map(({ cols, line }) => ({ cols, line }));

function checkPairFile(name: string, text: string, pairs: Pair[], min: number) {
  describe(name, () => {
    it('starts with a # source: line', () => expect(text.split('\n')[0]).toMatch(/^# source: \S/));

    it(`has at least ${min} pairs`, () => expect(pairs.length).toBeGreaterThanOrEqual(min));

    it('has 2–4 TAB-separated columns, a wrong and a right form that differ, no stray spaces', () => {
      const bad = pairs.filter(
        (p) =>
          p.cols < 2 ||
          p.cols > 4 ||
          !p.wrong ||
          !p.right ||
          p.wrong === p.right ||
          /\s/.test(p.wrong + p.right + p.exceptions.join('')),
      );
      expect(bad.map((p) => `${name}:${p.line} ${p.wrong}`)).toEqual([]);
    });

    it('has no duplicate wrong form', () => {
      const seen = new Set<string>();
      const dup = pairs.filter((p) => (seen.has(p.wrong) ? true : (seen.add(p.wrong), false)));
      expect(dup.map((p) => `${name}:${p.line} ${p.wrong}`)).toEqual([]);
    });

    it('has exceptions that contain their wrong form and are longer than it, without list separators', () => {
      const bad = pairs.flatMap((p) =>
        p.exceptions.filter((x) => !x.includes(p.wrong) || x === p.wrong || /[，、]/.test(x)).map((x) => `${name}:${p.line} ${p.wrong} / ${x}`),
      );
      expect(bad).toEqual([]);
    });

    it('has no wrong form that is a listed reduplication or part of one', () => {
      const bad = pairs.filter((p) => reduplication.some((r) => r.includes(p.wrong)));
      expect(bad.map((p) => p.wrong)).toEqual([]);
    });
  });
}

checkPairFile('typos.tsv', typosText, typos, 600);
checkPairFile('serious.tsv', seriousText, serious, 60);

describe('typos.tsv and serious.tsv together', () => {
  const all = [...typos, ...serious];

  it('share no wrong form', () => {
    const s = new Set(serious.map((p) => p.wrong));
    expect(typos.filter((p) => s.has(p.wrong)).map((p) => p.wrong)).toEqual([]);
  });

  it('never suggest a text that is itself reported', () => {
    const bad: string[] = [];
    for (const p of all) for (const q of all) if (uncovered(p.right, q.wrong, q.exceptions).length) bad.push(`${p.wrong}→${p.right} contains ${q.wrong}`);
    expect(bad).toEqual([]);
  });

  it('do not fire inside their own exceptions (a correct text stays silent)', () => {
    const bad = all.flatMap((p) => p.exceptions.filter((x) => uncovered(x, p.wrong, p.exceptions).length).map((x) => `${p.wrong} / ${x}`));
    expect(bad).toEqual([]);
    // The example the brief names: 学习贯彻 contains 习贯 (a typo for 习惯) and must stay silent.
    const p = typos.find((t) => t.wrong === '习贯');
    expect(p && uncovered('认真学习贯彻党的二十大精神', p.wrong, p.exceptions)).toEqual([]);
    expect(p && uncovered('养成良好的习贯', p.wrong, p.exceptions)).toEqual([5]);
  });

  it('leave out the context-dependent pairs the code handles (截止/截至) and words with another sense', () => {
    const words = new Set(all.map((p) => p.wrong));
    for (const w of ['截止', '截至', '权利', '权力', '做', '作', '的', '地', '得', '当局', '扶植', '树立', '立异', '既使'])
      expect(words.has(w), w).toBe(false);
  });
});

describe('seed 002 (machine-spun paragraphs next to their originals)', () => {
  const seed = readFileSync(seedDir + '002_1daf26a3e70fc96d.txt', 'utf8');
  const lines = seed.split('\n');
  const start = lines.findIndex((l) => l.startsWith('2019年,我镇在市当局'));
  const end = lines.findIndex((l) => l.startsWith('(二)完善相关制度扶植'));
  const spun = lines.slice(start, end + 1).join('\n');
  const rest = [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n');
  const find = (text: string, pairs: Pair[]) => pairs.filter((p) => uncovered(text, p.wrong, p.exceptions).length).map((p) => `${p.wrong}→${p.right}`);

  it('finds the spun substitutions with the right suggestion', () => {
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const found = find(spun, typos);
    for (const want of ['紧张议事日程→重要议事日程', '实时调剂信息公开→及时调整信息公开', '立异当局→创新政府', '自身扶植→自身建设', '制度扶植→制度建设', '树立健全→建立健全', '富厚→丰富', '根基性→基础性', '的看护》→的通知》', '行政复讲→行政复议', '接收社会监督→接受社会监督', '沟通和谐机制→沟通协调机制'])
      expect(found).toContain(want);
    expect(found.length).toBeGreaterThanOrEqual(30);
    expect(find(spun, serious)).toContain('当局信息公开→政府信息公开');
  });

  it('reports nothing in the unspun parts of seed 002 but the real typo 行政应讼', () => {
    expect(find(rest, typos)).toEqual(['行政应讼→行政应诉']);
    expect(find(rest, serious)).toEqual([]);
  });

  it('reports nothing in the other seeds', () => {
    for (const f of ['000_66851f8fced606f3.txt', '001_43b3c5c3f584ca39.txt', '003_9a1aad49814821a4.txt', '004_f838ce65e1338d19.txt']) {
      const t = readFileSync(seedDir + f, 'utf8');
      expect([...find(t, typos), ...find(t, serious)], f).toEqual([]);
    }
  });

  it('keeps 当局 silent where it is correct', () => {
    const text = '台湾当局、民进党当局、美国当局和港英当局，以及台北市当局、高雄市当局、纽约市当局、有关当局。';
    expect(find(text, serious)).toEqual([]);
    expect(find('县当局网站、镇当局', serious)).toEqual(['当局网站→政府网站', '镇当局→镇政府', '县当局→县政府']);
  });
});

describe('outdated.tsv', () => {
  it('starts with a # source: line and has at least 40 entries', () => {
    expect(read('outdated.tsv').split('\n')[0]).toMatch(/^# source: \S/);
    expect(outdated.length).toBeGreaterThanOrEqual(40);
  });

  it('has old, new, a real past date and a note naming the document', () => {
    const bad = outdated.filter(({ cols }) => {
      const [old, now, since, note] = cols;
      const d = new Date(`${since}T00:00:00Z`);
      return (
        cols.length !== 4 ||
        !old ||
        !now ||
        old === now ||
        !/^\d{4}-\d{2}-\d{2}$/.test(since ?? '') ||
        Number.isNaN(d.getTime()) ||
        d.toISOString().slice(0, 10) !== since ||
        d.getTime() > Date.now() ||
        !note
      );
    });
    expect(bad.map(({ line, cols }) => `outdated.tsv:${line} ${cols.join(' | ')}`)).toEqual([]);
  });

  it('has no duplicate old name, and no old name inside a current one', () => {
    const olds = outdated.map(({ cols }) => cols[0]);
    expect(olds.filter((o, i) => olds.indexOf(o) !== i)).toEqual([]);
    const news = outdated.map(({ cols }) => cols[1]);
    expect(olds.filter((o) => news.some((n) => n.includes(o)))).toEqual([]);
    // 农业部门, 文化部门, 环境保护部门 are current wording: their old ministries are not listed bare.
    for (const text of ['农业部门', '文化部门', '环境保护部门', '国家税务总局江西省税务局', '卫生健康委员会', '市场监督管理局'])
      expect(olds.filter((o) => text.includes(o)), text).toEqual([]);
  });
});

describe('reduplication.txt', () => {
  it('has at least 200 entries of Chinese characters, no duplicates', () => {
    expect(reduplication.length).toBeGreaterThanOrEqual(200);
    expect(reduplication.filter((w) => !/^[\u3400-\u9fff]{2,}$/.test(w))).toEqual([]);
    expect(reduplication.filter((w, i) => reduplication.indexOf(w) !== i)).toEqual([]);
  });

  it('lists only forms with a doubled character or a doubled syllable pair', () => {
    const doubled = (w: string) => [...w].some((c, i) => c === w[i + 1]) || (w.length === 4 && w.slice(0, 2) === w.slice(2));
    expect(reduplication.filter((w) => !doubled(w))).toEqual([]);
  });

  it('includes the common ones and never a bare doubled function word', () => {
    for (const w of ['常常', '研究研究', '认认真真', '方方面面', '的的确确', '是是非非', '扎扎实实', '家家户户']) expect(reduplication).toContain(w);
    const bare = functionWords.map((f) => f.word + f.word).filter((dd) => reduplication.includes(dd));
    expect(bare).toEqual([]);
  });
});

describe('function-words.txt', () => {
  it('has the core function words, once each, without spaces', () => {
    const words = functionWords.map((f) => f.word);
    for (const w of ['的', '了', '和', '在', '是', '与', '及', '对', '将', '把', '被', '为']) expect(words).toContain(w);
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    expect(functionWords.filter((f) => !/^[\u3400-\u9fff]+$/.test(f.word) || f.cols > 2)).toEqual([]);
  });

  it('has exceptions that contain the doubled word', () => {
    const bad = functionWords.flatMap((f) => f.exceptions.filter((x) => !x.includes(f.word + f.word)).map((x) => `${f.word}: ${x}`));
    expect(bad).toEqual([]);
  });

  it('lets 不了了之 and 为了了解 through but not a bare 了了', () => {
    const le = functionWords.find((f) => f.word === '了')!;
    expect(uncovered('此事不了了之', '了了', le.exceptions)).toEqual([]);
    expect(uncovered('为了了解情况', '了了', le.exceptions)).toEqual([]);
    expect(uncovered('完成了了任务', '了了', le.exceptions)).toEqual([2]);
  });
});

describe('placeholders.json', () => {
  interface Placeholder {
    id: string;
    pattern: string;
    flags: string;
    description: string;
    example: string | string[];
    counterexample: string | string[];
  }
  const list = JSON.parse(read('placeholders.json')) as Placeholder[];
  const arr = (x: string | string[]) => (Array.isArray(x) ? x : [x]);
  // The loader always adds `g`; test with the same flags.
  const re = (p: Placeholder) => new RegExp(p.pattern, [...new Set(`${p.flags}g`)].join(''));

  it('is an array of complete entries with unique ids', () => {
    expect(Array.isArray(list)).toBe(true);
    for (const p of list) {
      expect(typeof p.id).toBe('string');
      expect(typeof p.pattern).toBe('string');
      expect(typeof p.flags).toBe('string');
      expect(p.description.length).toBeGreaterThan(0);
      expect(arr(p.example).length).toBeGreaterThanOrEqual(1);
      expect(arr(p.counterexample).length).toBeGreaterThanOrEqual(1);
    }
    const ids = list.map((p) => p.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('compiles every pattern', () => {
    for (const p of list) expect(() => re(p), p.id).not.toThrow();
  });

  it('matches each example and no counterexample (of any pattern)', () => {
    for (const p of list) {
      for (const e of arr(p.example)) expect(e.match(re(p)), `${p.id} must match ${e}`).not.toBeNull();
      for (const c of arr(p.counterexample))
        for (const q of list) expect(c.match(re(q)), `${q.id} must not match ${c}`).toBeNull();
    }
  });

  it('finds the placeholders of seed 002 and seed 001', () => {
    const all = (t: string) => list.flatMap((p) => [...t.matchAll(re(p))].map((m) => m[0]));
    expect(all('《xx市八桥镇政府信息公开指南》')).toEqual(['xx']);
    expect(all('截止201x年12月20日')).toEqual(['201x']);
    expect(all('关于分解落实20xx年全县政务公开工作目标任务的通知')).toEqual(['20xx']);
    expect(all('--年完成40%的行政村建成政务服务中心的目标任务')).toEqual(['--']);
    expect(all('组长:')).toEqual(['组长:']);
    expect(all('副组长:')).toEqual(['副组长:']);
    expect(all('主动公开政府信息xx余条')).toEqual(['xx']);
  });

  it('stays silent on correct text', () => {
    const clean =
      '2023年，全县主动公开政府信息1200余条，组长：张三，联系电话：0791-88888888。二○二三年十二月，XXL码服装、iPhone XS和Xbox不在此列；' +
      '当事人张××已签收；规格200x300毫米；——年轻干部座谈会于3月15日召开，某某公司被处罚。';
    for (const p of list) expect(clean.match(re(p)), p.id).toBeNull();
  });
});
