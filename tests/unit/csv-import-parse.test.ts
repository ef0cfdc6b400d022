// Reading an import CSV (lib/employees/csv-parse.ts, readImportFile in lib/employees/csv-import.ts):
// every physical line is accounted for, and a line that cannot be read is named with its reason.
import { describe, expect, it } from "vitest";
import { parseCsv, physicalLines } from "@/lib/employees/csv-parse";
import { readImportFile, type TImportFile } from "@/lib/employees/csv-import";

const HEADER = "Name,Email,Title,Department";
const csv = (...lines: string[]) => lines.join("\n") + "\n";

const read = (text: string, attributes: { key: string; label: string }[] = []): TImportFile => {
  const r = readImportFile(text, attributes);
  if (!r.ok) throw new Error(`not read: ${r.reason}`);
  return r.file;
};

/** lineCount = header lines + the lines of the rows + lines not read + blank lines. */
const accounted = (f: TImportFile) => f.headerLines + f.rows.reduce((sum, r) => sum + (f.lastLines[r.row] ?? r.row) - r.row + 1, 0) + f.parseIssues.length + f.blankLines.length;

describe("an unclosed quote", () => {
  it("mid-file: its line is reported and the valid line after it is still imported", () => {
    const f = read(csv(HEADER, '"Broken quote,broken@acme.test,X,Y', "Ada Lovelace,ada@acme.test,Analyst,Engineering", "Grace Hopper,grace@acme.test,Admiral,Navy"));
    expect(f.parseIssues).toEqual([{ row: 2, email: "", kind: "error", message: 'Line 2, column "Name": a quoted value is not closed — the quote opened here runs into the next line' }]);
    expect(f.rows.map((r) => [r.row, r.email, r.name])).toEqual([
      [3, "ada@acme.test", "Ada Lovelace"],
      [4, "grace@acme.test", "Grace Hopper"],
    ]);
    expect(f.lineCount).toBe(4);
    expect(accounted(f)).toBe(4);
  });

  it("a later quoted value does not close it: the broken line is reported and the quoted line read as it is", () => {
    const f = read(csv(HEADER, 'Broken,"broken@acme.test,X,Y', "Ada,ada@acme.test,Analyst,Engineering", '"Hopper, Grace",grace@acme.test,Admiral,Navy'));
    expect(f.parseIssues.map((i) => i.message)).toEqual(['Line 2, column "Email": a quoted value is not closed — the quote opened here runs into the next line']);
    expect(f.rows.map((r) => [r.row, r.name, r.email])).toEqual([
      [3, "Ada", "ada@acme.test"],
      [4, "Hopper, Grace", "grace@acme.test"],
    ]);
    expect(accounted(f)).toBe(f.lineCount);
  });

  it("a quote that closes lines later but leaves the wrong number of columns is not believed", () => {
    const f = read(csv(HEADER, '"Broken,broken@acme.test,X,Y', 'Ada,ada@acme.test,Analyst,Engineering"'));
    expect(f.parseIssues.map((i) => i.row)).toEqual([2]);
    expect(f.rows).toHaveLength(1);
    // The second line is read on its own: its last cell keeps the stray quote.
    expect(f.rows[0]).toMatchObject({ row: 3, email: "ada@acme.test", department: 'Engineering"' });
  });

  it("on the last line: reported as running to the end of the file", () => {
    const f = read(csv(HEADER, "Ada,ada@acme.test,Analyst,Engineering", 'Broken,broken@acme.test,"X,Y'));
    expect(f.parseIssues.map((i) => i.message)).toEqual(['Line 3, column "Title": a quoted value is not closed — the quote opened here runs to the end of the file']);
    expect(f.rows.map((r) => r.row)).toEqual([2]);
    expect(accounted(f)).toBe(3);
  });

  it("in the header: the file is not read, and the reason names line 1", () => {
    expect(readImportFile(csv('"Name,Email', "Ada,ada@acme.test"))).toEqual({
      ok: false,
      reason: "bad-header",
      message: 'Line 1, column 1: a quoted value is not closed — the quote opened here runs into the next line',
    });
  });
});

describe("valid CSV that looks odd", () => {
  it("a quoted value with line breaks is one row spanning several lines, numbered by its first line", () => {
    const f = read(csv(HEADER, 'Ada,ada@acme.test,"Analyst', 'and engineer",Engineering', "Grace,grace@acme.test,Admiral,Navy"));
    expect(f.parseIssues).toEqual([]);
    expect(f.rows.map((r) => [r.row, r.title])).toEqual([
      [2, "Analyst\nand engineer"],
      [4, "Admiral"],
    ]);
    expect(f.lastLines).toEqual({ 2: 3 });
    expect(accounted(f)).toBe(f.lineCount);
  });

  it("CRLF line ends, a byte-order mark and no line break at the end", () => {
    const f = read(`\uFEFF${HEADER}\r\nAda,ada@acme.test,Analyst,Engineering\r\n"Grace ""Amazing"" Hopper",grace@acme.test,"Rear\r\nAdmiral",Navy`);
    expect(f.headers).toEqual(["Name", "Email", "Title", "Department"]);
    expect(f.mapping.fields.email).toBe("Email");
    expect(f.rows.map((r) => [r.row, r.name, r.title])).toEqual([
      [2, "Ada", "Analyst"],
      [3, 'Grace "Amazing" Hopper', "Rear\nAdmiral"],
    ]);
    expect(f.lineCount).toBe(4);
    expect(accounted(f)).toBe(4);
  });

  it("empty lines and lines of only commas are skipped, counted and named", () => {
    const f = read(csv(HEADER, "", "Ada,ada@acme.test,Analyst,Engineering", "   ", ",,,", "Grace,grace@acme.test,Admiral,Navy", ""));
    expect(f.blankLines).toEqual([2, 4, 5, 7]);
    expect(f.rows.map((r) => r.row)).toEqual([3, 6]);
    expect(f.lineCount).toBe(7);
    expect(accounted(f)).toBe(7);
  });

  it("a quote inside an unquoted value is kept as it is", () => {
    const f = read(csv(HEADER, 'Ann "Annie" Lee,ann@acme.test,5" display tester,QA'));
    expect(f.parseIssues).toEqual([]);
    expect(f.rows[0]).toMatchObject({ row: 2, name: 'Ann "Annie" Lee', title: '5" display tester', department: "QA" });
  });

  it('"" inside a quoted value is one quote, and an empty quoted value is empty', () => {
    const f = read(csv(HEADER, '"Ada ""The Countess"" Lovelace",ada@acme.test,"",Engineering'));
    expect(f.rows[0]).toEqual({ row: 2, name: 'Ada "The Countess" Lovelace', email: "ada@acme.test", department: "Engineering" });
  });

  it("text after a closing quote on the same line is reported for that line only", () => {
    const f = read(csv(HEADER, '"Ada" Lovelace,ada@acme.test,Analyst,Engineering', "Grace,grace@acme.test,Admiral,Navy"));
    expect(f.parseIssues).toHaveLength(1);
    expect(f.parseIssues[0]!.message).toMatch(/^Line 2, column "Name": text follows the closing quote of a value/);
    expect(f.rows.map((r) => r.row)).toEqual([3]);
  });

  it("spaces after a closing quote are forgiven", () => {
    const f = read(csv(HEADER, '"Ada" ,ada@acme.test,Analyst,Engineering'));
    expect(f.parseIssues).toEqual([]);
    expect(f.rows[0]).toMatchObject({ name: "Ada", email: "ada@acme.test" });
  });

  it("custom attribute columns still map, on their physical line", () => {
    const f = read(csv("Email,Badge number", "", "ada@acme.test,B-17"), [{ key: "badgeNumber", label: "Badge number" }]);
    expect(f.rows).toEqual([{ row: 3, email: "ada@acme.test", attributes: { badgeNumber: "B-17" } }]);
  });

  it("duplicates point at the first line that has the email", () => {
    const f = read(csv(HEADER, "", "Ada,ada@acme.test,,", "Ada again,ADA@acme.test,,"));
    expect(f.rows.map((r) => [r.row, r.duplicateOf])).toEqual([
      [3, undefined],
      [4, 3],
    ]);
  });
});

describe("parseCsv", () => {
  it("counts physical lines the way an editor does", () => {
    expect(physicalLines("")).toEqual([]);
    expect(physicalLines("a\r\nb\rc\n")).toEqual(["a", "b", "c"]);
    expect(physicalLines("a\n\n")).toEqual(["a", ""]);
  });

  it("keeps a trailing empty cell and the empty file has no header", () => {
    expect(parseCsv("a,b,\n").header?.cells).toEqual(["a", "b", ""]);
    expect(parseCsv('"a",\n').header?.cells).toEqual(["a", ""]);
    expect(parseCsv("\n\n")).toMatchObject({ header: undefined, blankLines: [1, 2], lineCount: 2 });
  });
});

describe("a large file with many broken lines", () => {
  it("20,000 unclosed quotes between 20,000 valid lines: all reported, all valid lines read, quickly", () => {
    const lines = [HEADER];
    for (let i = 0; i < 20_000; i++) lines.push(`"Broken ${i},broken${i}@acme.test,X,Y`, `Person ${i},p${i}@acme.test,Analyst,Engineering`);
    const started = performance.now();
    const f = read(csv(...lines));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(f.parseIssues).toHaveLength(20_000);
    expect(f.rows).toHaveLength(20_000);
    expect(f.rows[0]).toMatchObject({ row: 3, email: "p0@acme.test" });
    expect(accounted(f)).toBe(40_001);
  });

  it("an unclosed quote before 20,000 lines without quotes stops at a cell's length, not at the end of the file", () => {
    const lines = [HEADER, '"Broken,broken@acme.test,X,Y'];
    for (let i = 0; i < 20_000; i++) lines.push(`Person ${i},p${i}@acme.test,Analyst,Engineering`);
    const f = read(csv(...lines));
    expect(f.parseIssues.map((i) => i.row)).toEqual([2]);
    expect(f.rows).toHaveLength(20_000);
    expect(accounted(f)).toBe(20_002);
  });
});
