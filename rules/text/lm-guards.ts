/**
 * Where the 疑似错别字 model must not suggest anything: the spots of a block where an unusual
 * sequence of characters is usually right. A word model of web text has never seen most person
 * names, place and organisation names, document titles and agency abbreviations of a county, and
 * every one of them looks to it like a slip. Precision matters more than recall here (DESIGN.md:
 * false positives are the defect users hate most), so these spots are frozen whole.
 *
 * frozenMask(text) marks UTF-16 positions of a block's text; the rule also drops a suggestion
 * whose wrong word occurs twice on the page, that the user's whitelist or leaders list covers,
 * or that the dictionary rule already reports (see suspected-typo.ts).
 */

/** Common surnames (the 400 most frequent cover ~95% of people; these ~130 cover the great majority). */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';

/** Titles and words that follow or precede a person's name in official text. */
const NAME_CONTEXT = [
  '同志', '书记', '副书记', '主任', '副主任', '主席', '局长', '副局长', '县长', '副县长', '市长', '副市长', '区长', '副区长',
  '镇长', '副镇长', '乡长', '副乡长', '省长', '部长', '厅长', '处长', '科长', '所长', '站长', '院长', '校长', '组长', '副组长',
  '委员', '常委', '秘书长', '主任委员', '总经理', '经理', '董事长', '会长', '队长', '村长', '支书', '老师', '先生', '女士',
  '等', '说', '表示', '指出', '强调', '介绍', '主持', '出席', '参加', '带队', '一行', '任', '为', '（', '、',
];

/** Last characters of place and organisation names: 某某县、某某镇、某某局、某某办 … */
const NAME_SUFFIX = new Set('省市县区镇乡村屯寨街道局委办厅院校馆站所队');

/**
 * True when a suggestion over text[start, end) sits right before a place or organisation suffix
 * (青溪镇, 城管局, 某某村): the span is then most likely a name the model has never seen.
 */
export function beforeNameSuffix(text: string, end: number, at: number): boolean {
  if (NAME_SUFFIX.has(text[end] ?? '') || text.startsWith('社区', end) || text.startsWith('街道', end)) return true;
  // The span ends with the suffix itself and the change is before it: 青禾县 → 青河县.
  return end - 1 > at && NAME_SUFFIX.has(text[end - 1]);
}

/** Endings of company and organisation names: the characters before them (up to a separator) are a name. */
const ORG_END = /有限公司|有限责任公司|股份|集团|公司|科技|实业|产业|工作室|合作社|研究院|研究所|协会|商会|基金会/g;
/** Characters of transliterated foreign names (布宜诺斯艾利斯, 马克龙, 普京): three close together mark one. */
const TRANSLIT = new Set('斯尔克诺艾利亚维罗德夫基娃纳特勒伊奥巴拉莫兹茨塞梅科佩萨蒂迪丹妮琳丽娜莎玛');
/**
 * Roads and lines are named by the abbreviations of the places they join (昌铜高速, 京港澳高速, 港中线
 * is 港-中, 沪昆铁路): the two characters before such a word are place names, not words.
 */
const ROUTE_WORD = /高速|铁路|高铁|城际|快速路|公路|国道|省道|航线/g;
/**
 * Province abbreviations that are not common words on their own (新, 青, 宁, 云, 台, 黑, 贵, 吉 … are
 * left out): two or more in a row are a region (京津冀, 津冀界, 川渝, 苏浙皖, 湘鄂赣).
 */
const PROVINCE_ABBR = new Set('京津冀晋蒙辽沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕甘陇');
/** Pagination and page furniture that sometimes lands in the body: 首页 上一页 下一页 尾页. */
export const PAGINATION = /上一页|下一页|尾页|首页.{0,3}末页/;

const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

// 文号's agency part: 湘政办发〔2019〕12号, 国办秘函[2019]19号 — abbreviations no model knows.
const DOC_NUMBER = /([\u4e00-\u9fa5]{1,14})\s*[〔［\[（(【]\s*(?:19|20)\d{2}\s*[〕］\]）)】]\s*第?\s*\d+\s*号/g;
const URL = /(?:https?:\/\/|www\.)[\x21-\x7e]+/gi;

/**
 * Positions of `text` the model may not change (1 = frozen).
 * `surnames` is the set of surname characters (SURNAMES plus the leaders list's first characters).
 */
export function frozenMask(text: string, surnames: ReadonlySet<string>): Uint8Array {
  const n = text.length;
  const f = new Uint8Array(n);
  const freeze = (a: number, b: number) => f.fill(1, Math.max(0, a), Math.min(n, b));
  // 1. Titles in 《》 (and 〈〉): quoted names of documents, books, programmes.
  for (let i = text.indexOf('《'); i >= 0; i = text.indexOf('《', i + 1)) {
    const j = text.indexOf('》', i);
    freeze(i, j < 0 ? n : j + 1);
  }
  //    Short quoted expressions too: coined terms and slogans of official text (“四风”, “北粮南运”,
  //    “送课上门”, “日清周结”) are deliberate, and no corpus has them.
  for (let i = text.indexOf('“'); i >= 0; i = text.indexOf('“', i + 1)) {
    const j = text.indexOf('”', i);
    if (j > i && j - i <= 9) freeze(i, j + 1);
  }
  // A title cut short (过硬型政...): its last characters are half a word.
  for (const m of text.matchAll(/(?:\.{3}|…)/g)) freeze(m.index - 3, m.index);
  // 2. 文号 and URLs.
  for (const m of text.matchAll(DOC_NUMBER)) freeze(m.index, m.index + m[0].length);
  for (const m of text.matchAll(URL)) freeze(m.index, m.index + m[0].length);
  // 3. Company and organisation names: back from the ending to the previous separator (at most 12).
  for (const m of text.matchAll(ORG_END)) {
    let a = m.index;
    while (a > 0 && m.index - a < 12 && !/[\s，。；：、,;:（）()“”《》【】]/.test(text[a - 1])) a--;
    freeze(a, m.index);
  }
  // 7. Place names the model cannot know: route names and runs of province abbreviations.
  for (const m of text.matchAll(ROUTE_WORD)) freeze(m.index - 2, m.index);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && PROVINCE_ABBR.has(text[j])) j++;
    if (j - i >= 2) freeze(i, j);
    i = j > i ? j : i + 1;
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // 4. Next to digits and Latin letters (3号楼, A栋, 5G基站, 2024年度): the run is cut there and
    //    the model sees half a word.
    if (!isHanCode(c)) {
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff10 && c <= 0xff5a)) freeze(i - 1, i + 2);
      continue;
    }
    // 5. Person names: a surname with the one or two characters after it, when a title or a
    //    name's usual neighbour follows or comes before (王建军同志, 局长李晓鹏, 张三、李四).
    if (surnames.has(text[i]) && nameContext(text, i, surnames)) freeze(i, i + 3);
    // 6. Transliterated names: three transliteration characters within four.
    if (TRANSLIT.has(text[i])) {
      let k = 0;
      for (let j = i; j < i + 4 && j < n; j++) if (TRANSLIT.has(text[j])) k++;
      if (k >= 3) freeze(i - 2, i + 6);
    }
  }
  return f;
}

function nameContext(text: string, i: number, surnames: ReadonlySet<string>): boolean {
  // A run of names without separators (习近平李强赵乐际王沪宁): another surname right after the name.
  if (surnames.has(text[i + 3] ?? '') && surnames.has(text[i - 2] ?? '')) return true;
  for (const w of NAME_CONTEXT) {
    // After the name (surname + 1 or 2 characters)…
    if (text.startsWith(w, i + 2) || text.startsWith(w, i + 3)) return true;
    // …or right before the surname.
    if (i >= w.length && text.startsWith(w, i - w.length)) return true;
  }
  const after = text[i + 3] ?? '';
  const after2 = text[i + 2] ?? '';
  // A name standing alone between separators: 、李建华、 or （张伟）.
  const sep = /[、，,；;：:（）()\s]/;
  const before = i > 0 ? text[i - 1] : ' ';
  return sep.test(before) && (sep.test(after) || sep.test(after2) || after === '' || after2 === '');
}

/** True when the block is in traditional script (a quotation, a Hong Kong/Taiwan page): the model is for simplified text. */
export function traditionalBlock(text: string, traditional: ReadonlySet<string>): boolean {
  let han = 0;
  let trad = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isHanCode(text.charCodeAt(i))) continue;
    han++;
    if (traditional.has(text[i])) trad++;
  }
  return trad >= 2 && trad * 20 >= han;
}
