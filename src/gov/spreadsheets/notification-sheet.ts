// The notification on encryption goods as a spreadsheet (regulation 7 §9 window 2: "the
// notification in *.xls format"; S6 §11(2): the data file of Annex 1 to CUC Decision No. 848): one
// notified product per row under a header row. The reader is defensive because the file comes from
// the applicant: it checks the magic bytes before any parsing, bounds size, ZIP expansion and rows,
// refuses macros and formulas (the notification is data, not a computation; no formula is ever
// evaluated), and validates every row, reporting problems by sheet, row and column as Excel shows
// them.
//
// The columns below are the platform's reading of the notification form. The seeds (regulation 7,
// standard S6) name the form and its data file but do not list Annex 1's columns: confirm them
// against Decision No. 848 (and its successor acts) before relying on this in production —
// in particular the list of goods categories (NOTIFICATION_CATEGORIES) is an unverified placeholder.
import * as XLSX from '@e965/xlsx';

export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_ROWS = 10_000;
/** Bound on what an .xlsx may expand to (a small ZIP can hold gigabytes of XML). */
export const MAX_UNZIPPED_BYTES = 60 * 1024 * 1024;
const MAX_PROBLEMS = 100;
/** Rows above the header allowed for a title (the header is the first non-empty row within them). */
const HEADER_SEARCH_ROWS = 10;

export const SPREADSHEET_MIME = ['application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;
export const isSpreadsheetMime = (m: string): boolean => (SPREADSHEET_MIME as readonly string[]).includes(m);

/** Unverified placeholder: the item numbers of the list of goods categories subject to notification. */
export const NOTIFICATION_CATEGORIES = Array.from({ length: 13 }, (_, i) => String(i + 1));

type ColumnType = 'text' | 'integer' | 'date' | 'hs_code' | 'country' | 'enum';

export interface ColumnSpec {
  id: keyof NotificationRow;
  type: ColumnType;
  required: boolean;
  label: { kk: string; ru: string; en: string };
  /** Other header texts accepted for the column. */
  aliases?: string[];
  options?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
}

export interface NotificationRow {
  /** Where the row is in the file, as Excel shows it. */
  sheet: string;
  row: number;
  goodsName: string;
  model: string | null;
  hsCode: string;
  category: string;
  manufacturer: string;
  manufacturerCountry: string;
  cryptoAlgorithms: string;
  maxKeyLength: number;
  notificationDate: string;
}

export const NOTIFICATION_COLUMNS: readonly ColumnSpec[] = [
  { id: 'goodsName', type: 'text', required: true, maxLength: 500, label: { kk: 'Тауардың (өнімнің) атауы', ru: 'Наименование товара (продукции)', en: 'Name of the goods (product)' }, aliases: ['Наименование товара', 'Тауардың атауы', 'Goods name', 'Product'] },
  { id: 'model', type: 'text', required: false, maxLength: 200, label: { kk: 'Моделі (модификациясы)', ru: 'Модель (модификация)', en: 'Model (modification)' }, aliases: ['Модель', 'Моделі', 'Model'] },
  { id: 'hsCode', type: 'hs_code', required: true, label: { kk: 'ЕАЭО СЭҚ ТН коды', ru: 'Код ТН ВЭД ЕАЭС', en: 'HS code (EAEU CN FEA)' }, aliases: ['Код ТН ВЭД', 'ТН ВЭД', 'СЭҚ ТН коды', 'HS code', 'CN FEA code'] },
  { id: 'category', type: 'enum', required: true, options: NOTIFICATION_CATEGORIES, label: { kk: 'Тауар санаты (Тізбенің тармағы)', ru: 'Категория товара (пункт Перечня)', en: 'Goods category (item of the List)' }, aliases: ['Категория товара', 'Тауар санаты', 'Category'] },
  { id: 'manufacturer', type: 'text', required: true, maxLength: 500, label: { kk: 'Өндіруші', ru: 'Изготовитель', en: 'Manufacturer' } },
  { id: 'manufacturerCountry', type: 'country', required: true, label: { kk: 'Өндіруші елі', ru: 'Страна изготовителя', en: 'Country of the manufacturer' }, aliases: ['Страна', 'Ел', 'Country'] },
  { id: 'cryptoAlgorithms', type: 'text', required: true, maxLength: 1000, label: { kk: 'Криптографиялық алгоритмдер', ru: 'Криптографические алгоритмы', en: 'Cryptographic algorithms' }, aliases: ['Алгоритмы шифрования', 'Algorithms'] },
  { id: 'maxKeyLength', type: 'integer', required: true, min: 1, max: 65_536, label: { kk: 'Кілттің ең үлкен ұзындығы, бит', ru: 'Максимальная длина ключа, бит', en: 'Maximum key length, bits' }, aliases: ['Длина ключа', 'Кілт ұзындығы', 'Key length'] },
  { id: 'notificationDate', type: 'date', required: true, label: { kk: 'Нотификация күні', ru: 'Дата нотификации', en: 'Notification date' }, aliases: ['Дата', 'Күні', 'Date'] },
];

export interface SheetProblem {
  sheet?: string;
  /** Row as Excel shows it (1-based). */
  row?: number;
  /** Column letter as Excel shows it. */
  column?: string;
  /** Column id of the notification form (NOTIFICATION_COLUMNS). */
  field?: string;
  rule: string;
  detail: string;
}

export class SheetError extends Error {
  constructor(
    /** not_spreadsheet, too_large, too_many_rows, unreadable, macros, formula, missing_columns, invalid_rows, empty */
    readonly rule: string,
    message: string,
    readonly problems: SheetProblem[] = [],
  ) {
    super(message);
    this.name = 'SheetError';
  }
}

export interface ReadOptions {
  /** Name of the data sheet (default: the first sheet). */
  sheet?: string;
  maxBytes?: number;
  maxRows?: number;
}

// ---------------------------------------------------------------- container checks

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** 'xls' (OLE2 compound file), 'xlsx' (ZIP) or null, from the magic bytes alone. */
export function sniffSpreadsheet(bytes: Uint8Array): 'xls' | 'xlsx' | null {
  if (startsWith(bytes, OLE2)) return 'xls';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  return null;
}

/** Reads the ZIP central directory: entry names and the total uncompressed size, without inflating. */
function zipDirectory(b: Uint8Array): { names: string[]; unzipped: number } {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new SheetError('unreadable', 'the .xlsx file is not a complete ZIP archive (no end of central directory)');
  const entries = dv.getUint16(eocd + 10, true);
  const dirOffset = dv.getUint32(eocd + 16, true);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw new SheetError('unreadable', 'ZIP64 archives are not accepted for a notification');
  const names: string[] = [];
  let unzipped = 0;
  let p = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) throw new SheetError('unreadable', 'the .xlsx file has a damaged ZIP directory');
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (size === 0xffffffff) throw new SheetError('unreadable', 'ZIP64 archives are not accepted for a notification');
    unzipped += size;
    names.push(new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { names, unzipped };
}

// ---------------------------------------------------------------- cells

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, '');
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function cellText(c: XLSX.CellObject | undefined): string {
  if (!c || c.v === undefined || c.v === null) return '';
  if (c.t === 's') return String(c.v).trim();
  if (c.t === 'n') return String(c.v);
  if (c.t === 'b') return c.v ? 'TRUE' : 'FALSE';
  return String(c.w ?? c.v).trim();
}

const isBlank = (c: XLSX.CellObject | undefined) => !c || c.t === 'z' || c.v === undefined || c.v === null || (c.t === 's' && String(c.v).trim() === '');

function isoDate(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const t = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s && y >= 1900 && y <= 2999 ? s : null;
}

type Parsed = { ok: true; value: string | number | null } | { ok: false; rule: string; detail: string };

function parseCell(col: ColumnSpec, c: XLSX.CellObject | undefined, date1904: boolean): Parsed {
  const name = col.label.en;
  if (isBlank(c)) return col.required ? { ok: false, rule: 'required', detail: `${name} is required` } : { ok: true, value: null };
  const cell = c!;
  if (cell.t === 'e') return { ok: false, rule: 'cell_error', detail: `${name}: the cell holds an error value (${cell.w ?? cell.v})` };
  switch (col.type) {
    case 'text': {
      if (cell.t === 'b') return { ok: false, rule: 'type', detail: `${name} must be text` };
      const v = cellText(cell);
      if (col.maxLength && v.length > col.maxLength) return { ok: false, rule: 'max_length', detail: `${name} is longer than ${col.maxLength} characters` };
      return { ok: true, value: v };
    }
    case 'integer': {
      const v = cell.t === 'n' ? Number(cell.v) : cell.t === 's' && /^\s*\d+\s*$/.test(String(cell.v)) ? Number(String(cell.v).trim()) : NaN;
      if (!Number.isInteger(v)) return { ok: false, rule: 'type', detail: `${name} must be a whole number (got "${cellText(cell)}")` };
      if ((col.min !== undefined && v < col.min) || (col.max !== undefined && v > col.max)) return { ok: false, rule: 'range', detail: `${name} must be between ${col.min} and ${col.max} (got ${v})` };
      return { ok: true, value: v };
    }
    case 'date': {
      let iso: string | null = null;
      if (cell.t === 'n') {
        const fmt = typeof cell.z === 'string' ? cell.z : '';
        if (!fmt || !XLSX.SSF.is_date(fmt)) return { ok: false, rule: 'date', detail: `${name} must be a date (a number ${cell.v} without a date format is not one)` };
        const d = XLSX.SSF.parse_date_code(Number(cell.v), { date1904 });
        iso = d ? isoDate(d.y, d.m, d.d) : null;
      } else if (cell.t === 'd' && cell.v instanceof Date) {
        iso = isoDate(cell.v.getFullYear(), cell.v.getMonth() + 1, cell.v.getDate());
      } else if (cell.t === 's') {
        const s = String(cell.v).trim();
        const m1 = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
        const m2 = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
        iso = m1 ? isoDate(+m1[1]!, +m1[2]!, +m1[3]!) : m2 ? isoDate(+m2[3]!, +m2[2]!, +m2[1]!) : null;
      }
      return iso ? { ok: true, value: iso } : { ok: false, rule: 'date', detail: `${name} must be a calendar date (a date cell, YYYY-MM-DD or DD.MM.YYYY; got "${cellText(cell)}")` };
    }
    case 'hs_code': {
      if (cell.t === 'n' && !Number.isInteger(cell.v)) return { ok: false, rule: 'hs_code', detail: `${name} must be digits (got ${cell.v})` };
      const v = cellText(cell).replace(/[\s.]/g, '');
      if (!/^\d{4}(\d{2}){0,3}$/.test(v)) {
        const hint = cell.t === 'n' ? '; store the code as text so leading zeros are kept' : '';
        return { ok: false, rule: 'hs_code', detail: `${name} must be a code of 4, 6, 8 or 10 digits (got "${cellText(cell)}")${hint}` };
      }
      return { ok: true, value: v };
    }
    case 'country': {
      const v = cellText(cell).toUpperCase();
      if (!/^[A-Z]{2}$/.test(v) || regionNames.of(v) === v) return { ok: false, rule: 'country', detail: `${name} must be an ISO 3166-1 alpha-2 code such as KZ, RU, CN (got "${cellText(cell)}")` };
      return { ok: true, value: v };
    }
    case 'enum': {
      const v = cellText(cell);
      if (!(col.options ?? []).includes(v)) return { ok: false, rule: 'option', detail: `${name} must be one of ${(col.options ?? []).join(', ')} (got "${v}")` };
      return { ok: true, value: v };
    }
  }
}

// ---------------------------------------------------------------- the reader

function sheetRows(ws: XLSX.WorkSheet): XLSX.CellObject[][] {
  return ((ws as { '!data'?: XLSX.CellObject[][] })['!data'] ?? []);
}

export function readNotificationSheet(bytes: Uint8Array, opts: ReadOptions = {}): { rows: NotificationRow[] } {
  const maxBytes = opts.maxBytes ?? MAX_SHEET_BYTES;
  const maxRows = opts.maxRows ?? MAX_SHEET_ROWS;
  if (bytes.length > maxBytes) throw new SheetError('too_large', `the spreadsheet is ${bytes.length} bytes; at most ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MiB) are accepted`);
  if (bytes.length === 0) throw new SheetError('empty', 'the spreadsheet file is empty');
  const kind = sniffSpreadsheet(bytes);
  if (!kind) throw new SheetError('not_spreadsheet', 'the file is not an .xls (OLE2) or .xlsx (ZIP) workbook: its first bytes do not match either format');
  if (kind === 'xlsx') {
    const dir = zipDirectory(bytes);
    if (dir.unzipped > MAX_UNZIPPED_BYTES) throw new SheetError('too_large', `the .xlsx expands to ${dir.unzipped} bytes; at most ${MAX_UNZIPPED_BYTES} are accepted`);
    if (dir.names.some((n) => /vbaProject\.bin$/i.test(n))) throw new SheetError('macros', 'the workbook contains macros (VBA); send a plain .xlsx or .xls without macros');
    if (!dir.names.some((n) => /^xl\/workbook\.(xml|bin)$/i.test(n))) throw new SheetError('not_spreadsheet', 'the ZIP archive is not an Excel workbook (no xl/workbook.xml)');
  }

  let wb: XLSX.WorkBook;
  try {
    // sheetRows bounds the work on a huge sheet; a sheet cut short is refused below.
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: true, cellNF: true, cellDates: false, cellHTML: false, cellStyles: false, bookVBA: true, sheetRows: maxRows + HEADER_SEARCH_ROWS + 2, WTF: false });
  } catch (e) {
    throw new SheetError('unreadable', `the workbook cannot be read (${(e as Error).message}); it may be damaged or password-protected`);
  }
  if ((wb as { vbaraw?: unknown }).vbaraw) throw new SheetError('macros', 'the workbook contains macros (VBA); send a plain .xlsx or .xls without macros');
  if (wb.SheetNames.length === 0) throw new SheetError('empty', 'the workbook has no sheets');

  // Formulas anywhere in the workbook: the notification is data, not a computation.
  const formulas: SheetProblem[] = [];
  for (const name of wb.SheetNames) {
    const data = sheetRows(wb.Sheets[name]!);
    data.forEach((r, R) => r?.forEach((c, C) => {
      if (c && (c.f || c.F)) formulas.push({ sheet: name, row: R + 1, column: XLSX.utils.encode_col(C), rule: 'formula', detail: `cell ${XLSX.utils.encode_cell({ r: R, c: C })} holds a formula (=${c.f ?? c.F}); the notification must carry values, not formulas` });
    }));
  }
  if (formulas.length) throw new SheetError('formula', `the spreadsheet contains ${formulas.length} formula(s), first at ${formulas[0]!.sheet}!${formulas[0]!.column}${formulas[0]!.row}; replace them with their values`, formulas.slice(0, MAX_PROBLEMS));

  const sheet = opts.sheet ?? wb.SheetNames[0]!;
  const ws = wb.Sheets[sheet];
  if (!ws) throw new SheetError('missing_sheet', `the workbook has no sheet "${sheet}"; it has: ${wb.SheetNames.join(', ')}`);
  const full = ws['!fullref'];
  if (full && ws['!ref'] && XLSX.utils.decode_range(full).e.r > XLSX.utils.decode_range(ws['!ref']).e.r) {
    throw new SheetError('too_many_rows', `sheet "${sheet}" extends to row ${XLSX.utils.decode_range(full).e.r + 1}; at most ${maxRows} notification rows are accepted`, [{ sheet, rule: 'too_many_rows', detail: `at most ${maxRows} rows` }]);
  }
  const data = sheetRows(ws);
  const nonEmpty = (r: XLSX.CellObject[] | undefined) => !!r && r.some((c) => !isBlank(c));

  // The header: among the first rows (a title may stand above it), the one naming most columns.
  const byName = new Map<string, ColumnSpec>();
  for (const col of NOTIFICATION_COLUMNS) for (const n of [col.id, col.label.kk, col.label.ru, col.label.en, ...(col.aliases ?? [])]) byName.set(norm(n), col);
  const columnsOf = (r: XLSX.CellObject[] | undefined) => {
    const m = new Map<string, number>();
    r?.forEach((c, C) => {
      const spec = byName.get(norm(cellText(c)));
      if (spec && !m.has(spec.id)) m.set(spec.id, C);
    });
    return m;
  };
  let headerR = -1;
  let colOf = new Map<string, number>();
  for (let R = 0; R < Math.min(data.length, HEADER_SEARCH_ROWS); R++) {
    if (!nonEmpty(data[R])) continue;
    const m = columnsOf(data[R]);
    if (headerR < 0 || m.size > colOf.size) [headerR, colOf] = [R, m];
  }
  if (headerR < 0) throw new SheetError('empty', `sheet "${sheet}" has no header row in its first ${HEADER_SEARCH_ROWS} rows`, [{ sheet, rule: 'empty', detail: 'no header row' }]);
  const missing = NOTIFICATION_COLUMNS.filter((c) => c.required && !colOf.has(c.id));
  if (missing.length) {
    throw new SheetError(
      'missing_columns',
      `sheet "${sheet}" lacks the column(s) ${missing.map((c) => `"${c.label.ru}" (${c.label.en})`).join(', ')} in its header row ${headerR + 1}`,
      missing.map((c) => ({ sheet, row: headerR + 1, field: c.id, rule: 'missing_column', detail: `no column headed "${c.label.kk}", "${c.label.ru}" or "${c.label.en}"` })),
    );
  }

  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const rows: NotificationRow[] = [];
  const problems: SheetProblem[] = [];
  let count = 0;
  for (let R = headerR + 1; R < data.length; R++) {
    const r = data[R];
    if (!nonEmpty(r)) continue;
    if (++count > maxRows) throw new SheetError('too_many_rows', `sheet "${sheet}" has more than ${maxRows} notification rows`, [{ sheet, row: R + 1, rule: 'too_many_rows', detail: `at most ${maxRows} rows` }]);
    const out: Record<string, unknown> = { sheet, row: R + 1 };
    for (const col of NOTIFICATION_COLUMNS) {
      const C = colOf.get(col.id);
      if (C === undefined) { out[col.id] = null; continue; }
      const p = parseCell(col, r![C], date1904);
      if (p.ok) out[col.id] = p.value;
      else if (problems.length < MAX_PROBLEMS) problems.push({ sheet, row: R + 1, column: XLSX.utils.encode_col(C), field: col.id, rule: p.rule, detail: p.detail });
    }
    rows.push(out as unknown as NotificationRow);
  }
  if (problems.length) {
    const rowsHit = new Set(problems.map((p) => p.row)).size;
    throw new SheetError('invalid_rows', `${problems.length} problem(s) in ${rowsHit} row(s) of sheet "${sheet}", first at ${problems[0]!.column}${problems[0]!.row}: ${problems[0]!.detail}`, problems);
  }
  if (rows.length === 0) throw new SheetError('empty', `sheet "${sheet}" has a header but no notification rows`, [{ sheet, row: headerR + 2, rule: 'empty', detail: 'no rows under the header' }]);
  return { rows };
}

/** A small valid notification (.xlsx, or .xls with `bookType: 'biff8'`) for demos, samples and tests. */
export function sampleNotificationWorkbook(bookType: 'xlsx' | 'biff8' = 'xlsx', date = '2026-01-15'): Uint8Array {
  const header = NOTIFICATION_COLUMNS.map((c) => c.label.ru);
  const row = ['Маршрутизатор', 'X100', '8517620009', '1', 'Acme Networks Ltd', 'CN', 'AES-256, RSA-2048', 2048, date];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([header, row]), 'Notification');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}
