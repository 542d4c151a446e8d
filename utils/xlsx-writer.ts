/**
 * A small streaming XLSX (OOXML SpreadsheetML) writer for the 整改清单: text and number cells,
 * a bold shaded header, frozen header row, autofilter, column widths, hyperlinks, shared strings.
 *
 * Why not exceljs: its browser build keeps the whole workbook as objects and zips it in one go —
 * 10.9 s for 100,000 findings in Chromium against a 5 s target, and a 930 kB chunk. This writer
 * streams rows as XML text into utils/zip.ts, which deflates with the platform's native zlib.
 * exceljs stays as a dev dependency: the tests read every workbook we write back with it.
 *
 * Only what the list needs is implemented; every string is XML-escaped and stripped of the
 * characters XML 1.0 forbids (page text can carry any of them).
 */
import { ZipWriter } from './zip';

export type Cell = string | number | { text: string; hyperlink: string } | null;

export interface SheetSpec {
  name: string;
  /** Column widths in characters. */
  widths?: number[];
  /** The first row is a header: bold, shaded, frozen, with an autofilter over the data. */
  header?: string[];
  rows: Iterable<Cell[]>;
  /** Rows whose first cell is a section title (bold), for summary sheets. */
  boldRows?: Set<number>;
}

/** Excel rejects worksheets with more hyperlinks than this; later rows keep the URL as text. */
export const MAX_HYPERLINKS = 65000;
const MAX_CELL_CHARS = 32767;
const CHUNK = 1 << 20;

// Invalid in XML 1.0: C0 controls other than tab/LF/CR, U+FFFE/FFFF, and unpaired surrogates.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function xmlEscape(s: string): string {
  // Most cells need nothing: test once instead of running five replacements.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;
const STYLE = { normal: 0, header: 1, link: 2, bold: 3 };

/** Writes the workbook; `onRow` is called every so often with the rows written so far. */
export async function writeWorkbook(sheets: SheetSpec[], opts: { creator?: string; onRow?: (n: number) => Promise<void> | void } = {}): Promise<Uint8Array> {
  const zip = new ZipWriter();
  const addText = (path: string, text: string) => zip.add(path, text);

  await addText(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('')}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  );
  await addText(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await addText(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlEscape(opts.creator ?? '')}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created></cp:coreProperties>`,
  );
  const filterNames = sheets
    .map((s, i) => (s.header ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(quoteSheet(s.name))}!$A$1:$${colName(s.header.length - 1)}$@ROWS${i}@</definedName>` : ''))
    .join('');
  const rowCounts: number[] = [];

  // Shared strings: site, column, page title, rule, level, status and dates repeat on every row;
  // writing each once makes the XML (and so the deflate work) about half as large.
  const strings = new Map<string, number>();
  let refs = 0;
  const sst = (v: string): number => {
    refs++;
    let i = strings.get(v);
    if (i === undefined) strings.set(v, (i = strings.size));
    return i;
  };

  const rels: string[] = [];
  for (let si = 0; si < sheets.length; si++) {
    const sheet = sheets[si];
    const file = zip.entry(`xl/worksheets/sheet${si + 1}.xml`);
    let buf = '';
    const flush = async () => {
      await file.push(buf);
      buf = '';
    };
    const cols = sheet.widths?.length ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
    const pane = sheet.header ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    buf += `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${pane}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;

    let r = 0;
    const links: string[] = [];
    const letters = Array.from({ length: 64 }, (_, i) => colName(i));
    const rowXml = (cells: Cell[], style: number) => {
      r++;
      let x = `<row r="${r}">`;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (v === null || v === '') continue;
        const ref = letters[c] + r;
        const s = style ? ` s="${style}"` : '';
        if (typeof v === 'number') x += `<c r="${ref}"${s}><v>${v}</v></c>`;
        else if (typeof v === 'string') x += `<c r="${ref}" t="s"${s}><v>${sst(v)}</v></c>`;
        else {
          const linked = links.length < MAX_HYPERLINKS;
          if (linked) links.push(`<hyperlink ref="${ref}" r:id="rId${links.length + 1}"/>`);
          if (linked) rels.push(v.hyperlink);
          x += `<c r="${ref}" t="s" s="${linked ? STYLE.link : style}"><v>${sst(v.text)}</v></c>`;
        }
      }
      buf += x + '</row>';
    };
    if (sheet.header) rowXml(sheet.header, STYLE.header);
    let n = 0;
    for (const row of sheet.rows) {
      rowXml(row, sheet.boldRows?.has(n) ? STYLE.bold : STYLE.normal);
      if (buf.length >= CHUNK) await flush();
      n++;
      if (opts.onRow && n % 5000 === 0) await opts.onRow(n);
    }
    rowCounts[si] = Math.max(r, 1);
    buf += '</sheetData>';
    if (sheet.header) buf += `<autoFilter ref="A1:${colName(sheet.header.length - 1)}${Math.max(r, 1)}"/>`;
    if (links.length) buf += `<hyperlinks>${links.join('')}</hyperlinks>`;
    buf += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    await flush();
    await file.end();

    if (rels.length) {
      await addText(
        `xl/worksheets/_rels/sheet${si + 1}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
          .map((t, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${xmlEscape(t)}" TargetMode="External"/>`)
          .join('')}</Relationships>`,
      );
      rels.length = 0;
    }
  }

  await addText(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets
      .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets>${filterNames ? `<definedNames>${filterNames.replace(/@ROWS(\d+)@/g, (_, i) => String(rowCounts[+i]))}</definedNames>` : ''}</workbook>`,
  );
  await addText(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  await addText('xl/styles.xml', STYLES);
  const sstFile = zip.entry('xl/sharedStrings.xml');
  let sbuf = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${refs}" uniqueCount="${strings.size}">`;
  for (const text of strings.keys()) {
    sbuf += `<si>${textXml(text)}</si>`;
    if (sbuf.length >= CHUNK) {
      await sstFile.push(sbuf);
      sbuf = '';
    }
  }
  await sstFile.push(sbuf + '</sst>');
  await sstFile.end();
  return zip.finish();
}

/** A text run; `xml:space="preserve"` only where edge spaces would otherwise be dropped. */
function textXml(v: string): string {
  const t = xmlEscape(v.length > MAX_CELL_CHARS ? v.slice(0, MAX_CELL_CHARS) : v);
  return /^\s|\s$/.test(t) ? `<t xml:space="preserve">${t}</t>` : `<t>${t}</t>`;
}

/** Sheet names with spaces or CJK are quoted in references. */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
