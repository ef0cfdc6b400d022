// CSV text → records that know the physical lines they came from, and parse errors that name the
// line a person sees in their editor. Pure: the browser runs it, tests run it.
//
// RFC 4180 with the leniency real files need: a quoted value may span lines (a record then covers
// several physical lines), a quote inside an unquoted value is kept as it is, CRLF, LF and CR all
// end a line, and a byte-order mark is dropped. What it will not do is let a quote that never
// closes swallow the lines after it: a quoted value that runs into the next line counts as a
// multi-line value only when it closes properly and its record has the header's number of columns;
// otherwise its line is reported and reading starts again on the next line.

export type TCsvRecord = {
  /** The physical line the record starts on (the first line of the file is 1). */
  line: number;
  /** The physical line it ends on: more than `line` when a quoted value holds a line break. */
  lastLine: number;
  cells: string[];
};

export type TCsvParseError = { line: number; message: string };

export type TCsvParse = {
  /** The first record that is not blank; undefined when there is none (or it could not be read). */
  header?: TCsvRecord;
  records: TCsvRecord[];
  errors: TCsvParseError[];
  /** Physical lines that are empty or hold only spaces (not counting one inside a quoted value). */
  blankLines: number[];
  /** Physical lines in the file; a line break at the very end does not start another line. */
  lineCount: number;
};

const UNCLOSED_NEXT = "a quoted value is not closed — the quote opened here runs into the next line";
const UNCLOSED_END = "a quoted value is not closed — the quote opened here runs to the end of the file";
const TEXT_AFTER_QUOTE = "text follows the closing quote of a value — quote the whole value and write a quote inside it as two quotes (\"\")";

/** A quoted value longer than this (a cell's limit on import) is not believed to go on over lines. */
const MAX_MULTILINE_VALUE = 1000;

/** Splits into physical lines, each without its line break. */
export const physicalLines = (text: string): string[] => {
  const body = text.replace(/^\uFEFF/, "");
  if (body === "") return [];
  const lines = body.split(/\r\n|\n|\r/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
};

type Attempt =
  | { ok: true; cells: string[]; next: number }
  | { ok: false; reason: "unclosed" | "text-after-quote"; column: number; multiLine: boolean };

/** Reads one record starting at lines[start]; `next` is the index of the line after it. */
const readRecord = (lines: string[], start: number): Attempt => {
  const cells: string[] = [];
  let i = start;
  let line = lines[i]!;
  let p = 0;
  for (;;) {
    // At the start of a cell.
    if (line[p] === '"') {
      const column = cells.length;
      let value = "";
      p++;
      for (;;) {
        if (p >= line.length) {
          // The quoted value runs past the end of this line. No cell may be longer than the
          // importer takes, which also keeps a file of broken lines from being read over and over.
          if (i + 1 >= lines.length || value.length > MAX_MULTILINE_VALUE) return { ok: false, reason: "unclosed", column, multiLine: i > start };
          i++;
          line = lines[i]!;
          p = 0;
          value += "\n";
          continue;
        }
        const quote = line.indexOf('"', p);
        if (quote === -1) {
          value += line.slice(p);
          p = line.length;
          continue;
        }
        value += line.slice(p, quote);
        p = quote;
        if (line[p + 1] === '"') {
          value += '"';
          p += 2;
          continue;
        }
        p++;
        break;
      }
      cells.push(value);
      if (p >= line.length) return { ok: true, cells, next: i + 1 };
      if (line[p] === ",") {
        p++;
        if (p >= line.length) {
          cells.push("");
          return { ok: true, cells, next: i + 1 };
        }
        continue;
      }
      // Spaces after a closing quote are forgiven; anything else is not.
      const rest = line.slice(p);
      const comma = rest.indexOf(",");
      const tail = comma === -1 ? rest : rest.slice(0, comma);
      if (tail.trim() !== "") return { ok: false, reason: "text-after-quote", column, multiLine: i > start };
      if (comma === -1) return { ok: true, cells, next: i + 1 };
      p += comma + 1;
      if (p >= line.length) {
        cells.push("");
        return { ok: true, cells, next: i + 1 };
      }
      continue;
    }
    // An unquoted cell: everything up to the next comma, quotes included.
    const comma = line.indexOf(",", p);
    if (comma === -1) {
      cells.push(line.slice(p));
      return { ok: true, cells, next: i + 1 };
    }
    cells.push(line.slice(p, comma));
    p = comma + 1;
    if (p >= line.length) {
      cells.push("");
      return { ok: true, cells, next: i + 1 };
    }
  }
};

const columnName = (header: TCsvRecord | undefined, column: number) => {
  const name = header?.cells[column]?.trim();
  return name ? `column "${name}"` : `column ${column + 1}`;
};

export const parseCsv = (text: string): TCsvParse => {
  const lines = physicalLines(text);
  const records: TCsvRecord[] = [];
  const errors: TCsvParseError[] = [];
  const blankLines: number[] = [];
  let header: TCsvRecord | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = i + 1;
    if (lines[i]!.trim() === "") {
      blankLines.push(line);
      i++;
      continue;
    }
    const attempt = readRecord(lines, i);
    if (attempt.ok) {
      const record = { line, lastLine: attempt.next, cells: attempt.cells };
      const multiLine = attempt.next > i + 1;
      // A value over several lines is believed only when its record has the header's columns:
      // a stray opening quote that happens to meet a closing one lines later would not.
      if (multiLine && header && attempt.cells.length !== header.cells.length) {
        errors.push({ line, message: `Line ${line}: ${UNCLOSED_NEXT}` });
        i++;
        continue;
      }
      if (header) records.push(record);
      else header = record;
      i = attempt.next;
      continue;
    }
    const where = columnName(header, attempt.column);
    if (attempt.reason === "text-after-quote" && !attempt.multiLine) errors.push({ line, message: `Line ${line}, ${where}: ${TEXT_AFTER_QUOTE}` });
    else errors.push({ line, message: `Line ${line}, ${where}: ${line === lines.length ? UNCLOSED_END : UNCLOSED_NEXT}` });
    // The header names the columns: without it the lines below cannot be read.
    if (!header) break;
    // Nothing of this line is kept; the next line is read on its own.
    i++;
  }
  return { header, records, errors, blankLines, lineCount: lines.length };
};
