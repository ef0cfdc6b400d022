"use client";
import Link from "next/link";
import Papa from "papaparse";
import { useId, useRef, useState, type ChangeEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Badge, Button, Card, Table, Td, Th } from "@/components/ui";
import { employeesKey } from "@/hooks/use-employees";
import { fetchJson } from "@/lib/client/fetch-json";
import { TYPE_LABELS, type TAttributeType } from "@/lib/attributes/declaration";
import { attributeHeaders, FIELD_LABELS, IMPORT_BATCH_SIZE, IMPORT_FIELDS, readImportFile, type TCsvAttribute, type TImportFile, type TImportIssue, type TImportResult, type TImportRow } from "@/lib/employees/csv-import";
import { downloadText } from "./download";

const n = (x: number) => x.toLocaleString("en");
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const TEMPLATE = "email,first name,last name,title,department,location,phone\r\nada@example.com,Ada,Lovelace,Analyst,Engineering,London,+44 20 7946 0000\r\n";

type Parsed = TImportFile & { fileName: string; sample: TImportRow[] };
type State =
  | { step: "choose"; error?: string }
  | { step: "preview"; parsed: Parsed }
  | { step: "importing"; parsed: Parsed; done: number; result: TImportResult }
  | { step: "done"; parsed: Parsed; result: TImportResult; stopped?: string };

// Lines that could not be read are errors from the start, listed by line with the server's issues.
const startResult = (parsed: Parsed): TImportResult => ({ created: 0, updated: 0, unchanged: 0, skipped: 0, issues: [...parsed.parseIssues] });

const merge = (a: TImportResult, b: TImportResult): TImportResult => ({
  created: a.created + b.created,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
  skipped: a.skipped + b.skipped,
  issues: [...a.issues, ...b.issues].sort((x, y) => x.row - y.row),
});

const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

/** "4" or "4–5" for a row whose quoted value holds a line break. */
const lineLabel = (parsed: Parsed, line: number) => (parsed.lastLines[line] ? `${line}–${parsed.lastLines[line]}` : String(line));

/** Where every line went: the header, rows, lines not read, blank lines. */
const lineAccount = (p: Parsed) => {
  const parts = [p.headerLines === 1 ? "1 header line" : `${n(p.headerLines)} header lines`, plural(p.rows.length, "row", "rows")];
  const extra = Object.entries(p.lastLines).reduce((sum, [first, last]) => sum + last - Number(first), 0);
  if (extra) parts[1] += ` on ${n(p.rows.length + extra)} lines (a quoted value holds a line break)`;
  if (p.parseIssues.length) parts.push(plural(p.parseIssues.length, "line that could not be read", "lines that could not be read"));
  if (p.blankLines.length) parts.push(`${plural(p.blankLines.length, "blank line", "blank lines")} skipped (${p.blankLines.length === 1 ? "line" : "lines"} ${p.blankLines.length > 5 ? `${p.blankLines.slice(0, 5).join(", ")}, …` : p.blankLines.join(", ")})`);
  return parts.join(" · ");
};


const Stat = ({ label, value, tone }: { label: string; value: number; tone?: "red" }) => (
  <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`stat-${label.toLowerCase().replace(/\W+/g, "-")}`}>
    <p className="text-sm text-slate-500">{label}</p>
    <p className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "red" && value > 0 ? "text-red-700" : ""}`}>{n(value)}</p>
  </div>
);

type Props = { slug: string; /** Declared custom attributes: each may have a column (attributeHeaders says its header). */ attributes?: (TCsvAttribute & { type: TAttributeType })[] };

export const ImportEmployees = ({ slug, attributes = [] }: Props) => {
  const headers = attributeHeaders(attributes);
  const [state, setState] = useState<State>({ step: "choose" });
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const client = useQueryClient();

  const reset = () => {
    if (fileRef.current) fileRef.current.value = "";
    setState({ step: "choose" });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setState({ step: "choose", error: `${file.name} is larger than 50 MB. Split it into smaller files.` });
    try {
      const read = readImportFile(await file.text(), attributes);
      if (!read.ok) {
        if (read.reason === "empty") return setState({ step: "choose", error: `${file.name} is empty.` });
        if (read.reason === "bad-header") return setState({ step: "choose", error: `The header row of ${file.name} cannot be read. ${read.message}.` });
        return setState({ step: "choose", error: `${file.name} has no email column. The first row must name the columns, and one of them must be “email” (or “email address”, “mail”, “work email”).` });
      }
      const { rows, parseIssues } = read.file;
      if (!rows.length && !parseIssues.length) return setState({ step: "choose", error: `${file.name} has a header row but no employees below it.` });
      if (!rows.length) return setState({ step: "choose", error: `No line of ${file.name} below the header could be read. ${parseIssues.slice(0, 3).map((i) => `${i.message}.`).join(" ")}` });
      setState({ step: "preview", parsed: { ...read.file, fileName: file.name, sample: rows.slice(0, 5) } });
    } catch {
      setState({ step: "choose", error: `${file.name} could not be read as a CSV file.` });
    }
  };

  const run = async (parsed: Parsed) => {
    let result = startResult(parsed);
    let done = 0;
    setState({ step: "importing", parsed, done, result });
    for (let i = 0; i < parsed.rows.length; i += IMPORT_BATCH_SIZE) {
      const batch = parsed.rows.slice(i, i + IMPORT_BATCH_SIZE);
      try {
        const r = await fetchJson<TImportResult>(`/api/w/${slug}/employees/import`, { method: "POST", body: JSON.stringify({ rows: batch }) });
        result = merge(result, r);
        done += batch.length;
        setState({ step: "importing", parsed, done, result });
      } catch (err) {
        const why = err instanceof Error ? err.message : "the server did not answer";
        await client.invalidateQueries({ queryKey: employeesKey(slug) });
        return setState({ step: "done", parsed, result, stopped: `The import stopped after ${n(done)} of ${n(parsed.rows.length)} rows: ${why}. Rows before that are saved; importing the same file again updates them instead of adding them twice.` });
      }
    }
    await client.invalidateQueries({ queryKey: employeesKey(slug) });
    setState({ step: "done", parsed, result });
  };

  const downloadIssues = (r: TImportResult, parsed: Parsed) =>
    downloadText(
      `${parsed.fileName.replace(/\.csv$/i, "")}-problems.csv`,
      Papa.unparse({ fields: ["Line", "Email", "Result", "Problem"], data: r.issues.map((i) => [lineLabel(parsed, i.row), i.email, i.kind === "error" ? "Error" : "Skipped", i.message]) }, { newline: "\r\n" }),
    );

  if (state.step === "choose") {
    return (
      <Card>
        <h2 className="text-lg font-semibold">Choose a CSV file</h2>
        <p className="mt-1 text-sm text-slate-600">
          One employee per row, with a header row naming the columns. <strong className="font-medium text-slate-900">Email</strong> is required; Muster also reads name (or first and last name), job title, department, location and
          phone. Rows are merged by email: a new email adds a manual employee, an existing manual employee is updated, and employees your identity provider manages are left unchanged.
        </p>
        {attributes.length ? (
          <div className="mt-3 text-sm text-slate-600" data-testid="import-attribute-help">
            <p>
              <strong className="font-medium text-slate-900">Custom attributes</strong> each take a column headed by the attribute’s label (or its key, which the export uses when a label would clash with
              another column). A value must fit the attribute’s type — yes/no as true/false or yes/no, dates as YYYY-MM-DD, an employee as their email or Muster ID — or the row is reported with its line
              and column and not imported. An empty cell leaves the value as it is.
            </p>
            <ul className="mt-2 flex flex-wrap gap-2">
              {attributes.map((a) => (
                <li key={a.key} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700 ring-1 ring-inset ring-slate-200">
                  <span className="font-mono">{headers.get(a.key)}</span> · {TYPE_LABELS[a.type]}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-5 space-y-2">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
            CSV file
          </label>
          <input
            ref={fileRef}
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            onChange={onFile}
            aria-describedby={state.error ? `${inputId}-error` : undefined}
            className="block w-full max-w-md text-sm text-slate-700 file:mr-4 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium file:text-slate-800 file:shadow-sm hover:file:bg-slate-50"
          />
          {state.error ? (
            <div id={`${inputId}-error`}>
              <Alert>{state.error}</Alert>
            </div>
          ) : null}
        </div>
        <p className="mt-5 text-sm text-slate-600">
          Not sure about the format?{" "}
          <button type="button" onClick={() => downloadText("muster-employees-template.csv", TEMPLATE)} className="font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
            Download a template
          </button>
          . An export from the Employees page can be imported again as it is.
        </p>
      </Card>
    );
  }

  const { parsed } = state;
  const fileSummary = (
    <div className="text-sm text-slate-600">
      <p className="break-words">
        <span className="font-medium text-slate-900">{parsed.fileName}</span> · <span data-testid="import-line-count">{n(parsed.lineCount)}</span> {parsed.lineCount === 1 ? "line" : "lines"} read ·{" "}
        <span data-testid="import-row-count">{n(parsed.rows.length)}</span> {parsed.rows.length === 1 ? "row" : "rows"}
      </p>
      <p className="mt-0.5 text-xs text-slate-500" data-testid="import-line-account">
        {lineAccount(parsed)}
      </p>
    </div>
  );
  const parseProblems = (issues: TImportIssue[]) => (
    <ul className="mt-2 list-disc space-y-1 pl-5">
      {issues.slice(0, 10).map((i) => (
        <li key={i.row}>{i.message}</li>
      ))}
      {issues.length > 10 ? <li>and {n(issues.length - 10)} more, listed after the import</li> : null}
    </ul>
  );

  if (state.step === "preview") {
    const duplicates = parsed.rows.filter((r) => r.duplicateOf !== undefined).length;
    const missing = parsed.rows.filter((r) => !r.email).length;
    return (
      <div className="space-y-6">
        <Card>
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
            <div>
              <h2 className="text-lg font-semibold">Check the columns</h2>
              {fileSummary}
            </div>
            <div className="flex gap-2">
              <Button variant="secondary" onClick={reset}>
                Choose another file
              </Button>
              <Button onClick={() => run(parsed)}>Import {n(parsed.rows.length)} {parsed.rows.length === 1 ? "row" : "rows"}</Button>
            </div>
          </div>
          <dl className="mt-5 grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="detected-columns">
            {IMPORT_FIELDS.map((f) => (
              <div key={f}>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{FIELD_LABELS[f]}</dt>
                <dd className="mt-0.5 text-sm">{parsed.mapping.fields[f] ? <span className="font-mono text-slate-900">{parsed.mapping.fields[f]}</span> : <span className="text-slate-500">not in the file</span>}</dd>
              </div>
            ))}
          </dl>
          {Object.keys(parsed.mapping.attributes).length ? (
            <p className="mt-4 text-sm text-slate-600" data-testid="detected-attributes">
              Custom attributes:{" "}
              {attributes
                .filter((a) => parsed.mapping.attributes[a.key])
                .map((a) => `${a.label} (${TYPE_LABELS[a.type].toLowerCase()})`)
                .join(", ")}
            </p>
          ) : null}
          {parsed.mapping.ignored.length ? (
            <p className="mt-4 text-sm text-slate-600">
              Ignored columns: <span className="font-mono">{parsed.mapping.ignored.join(", ")}</span>
            </p>
          ) : null}
          {parsed.parseIssues.length ? (
            <div className="mt-4" data-testid="parse-errors">
              <Alert>
                {plural(parsed.parseIssues.length, "line could not be read", "lines could not be read")} and will be reported as errors; every other line is imported.
                {parseProblems(parsed.parseIssues)}
              </Alert>
            </div>
          ) : null}
          {duplicates + missing > 0 ? (
            <div className="mt-4">
              <Alert tone="info">
                {missing ? `${n(missing)} ${missing === 1 ? "row has" : "rows have"} no email` : ""}
                {missing && duplicates ? " and " : ""}
                {duplicates ? `${n(duplicates)} ${duplicates === 1 ? "row repeats" : "rows repeat"} an email from an earlier row` : ""}. They will be reported and not imported.
              </Alert>
            </div>
          ) : null}
        </Card>
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="mb-2 text-sm font-semibold text-slate-700">
            First {parsed.sample.length} {parsed.sample.length === 1 ? "row" : "rows"}
          </h2>
          <Table caption="Preview of the first rows">
            <thead>
              <tr>
                <Th>Line</Th>
                {IMPORT_FIELDS.filter((f) => parsed.mapping.fields[f]).map((f) => (
                  <Th key={f}>{FIELD_LABELS[f]}</Th>
                ))}
                {attributes
                  .filter((a) => parsed.mapping.attributes[a.key])
                  .map((a) => (
                    <Th key={`attr-${a.key}`}>{a.label}</Th>
                  ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {parsed.sample.map((r) => (
                <tr key={r.row}>
                  <Td className="tabular-nums text-slate-500">{lineLabel(parsed, r.row)}</Td>
                  {IMPORT_FIELDS.filter((f) => parsed.mapping.fields[f]).map((f) => (
                    <Td key={f} className="max-w-[14rem]">
                      <span className="block truncate">{r[f] ?? ""}</span>
                    </Td>
                  ))}
                  {attributes
                    .filter((a) => parsed.mapping.attributes[a.key])
                    .map((a) => (
                      <Td key={`attr-${a.key}`} className="max-w-[14rem]">
                        <span className="block truncate">{r.attributes?.[a.key] ?? ""}</span>
                      </Td>
                    ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      </div>
    );
  }

  if (state.step === "importing") {
    const pct = Math.round((state.done / parsed.rows.length) * 100);
    return (
      <Card>
        <h2 className="text-lg font-semibold">Importing…</h2>
        {fileSummary}
        <div className="mt-5">
          <div
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={parsed.rows.length}
            aria-valuenow={state.done}
            aria-valuetext={`${n(state.done)} of ${n(parsed.rows.length)} rows`}
            className="h-2.5 w-full overflow-hidden rounded-full bg-slate-100"
          >
            <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
          </div>
          <p className="mt-2 text-sm tabular-nums text-slate-600" aria-live="polite">
            {n(state.done)} of {n(parsed.rows.length)} rows done
          </p>
        </div>
      </Card>
    );
  }

  const { result } = state;
  const errors = result.issues.filter((i) => i.kind === "error").length;
  const shown = result.issues.slice(0, 100);
  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <h2 className="text-lg font-semibold">{state.stopped ? "Import stopped" : "Import finished"}</h2>
            {fileSummary}
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={reset}>
              Import another file
            </Button>
            <Link href={`/w/${slug}/employees?tab=manual`} className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2">
              View manual employees
            </Link>
          </div>
        </div>
        {state.stopped ? (
          <div className="mt-4">
            <Alert>{state.stopped}</Alert>
          </div>
        ) : null}
        <div className="mt-5 grid gap-4 sm:grid-cols-4" data-testid="import-summary">
          <Stat label="Created" value={result.created} />
          <Stat label="Updated" value={result.updated} />
          <Stat label="Unchanged or skipped" value={result.unchanged + result.skipped} />
          <Stat label="Errors" value={errors} tone="red" />
        </div>
      </Card>
      {result.issues.length ? (
        <section aria-labelledby="issues-heading" className="space-y-3">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <h2 id="issues-heading" className="text-base font-semibold">
              Lines not imported as they are ({n(result.issues.length)})
            </h2>
            <Button variant="secondary" onClick={() => downloadIssues(result, parsed)}>
              Download the list (CSV)
            </Button>
          </div>
          <Table caption="Rows with errors or skipped">
            <thead>
              <tr>
                <Th>Line</Th>
                <Th>Email</Th>
                <Th>Result</Th>
                <Th>Problem</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.map((i, idx) => (
                <tr key={`${i.row}-${i.kind}-${idx}`}>
                  <Td className="whitespace-nowrap tabular-nums text-slate-500">{lineLabel(parsed, i.row)}</Td>
                  <Td className="max-w-[16rem]">
                    <span className="block truncate">{i.email || "—"}</span>
                  </Td>
                  <Td>{i.kind === "error" ? <Badge tone="red">Error</Badge> : <Badge tone="amber">Skipped</Badge>}</Td>
                  <Td>{i.message}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {result.issues.length > shown.length ? <p className="text-sm text-slate-600">The first {shown.length} are shown; the download has all {n(result.issues.length)}.</p> : null}
        </section>
      ) : null}
    </div>
  );
};
