// A custom attribute's value as text a person reads or types (CSV, the dashboard), and its
// canonical stored form (EmployeeAttribute.value): numbers in decimal, booleans "true"/"false",
// dates ISO 8601 (a date alone is midnight UTC), references an employee's id.
import type { TAttributeType } from "./declaration";

export type TParsedValue = { ok: true; value: string } | { ok: false; message: string };

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

export const MAX_VALUE_LENGTH = 1000;

/** Text → canonical value for every type but reference (the server resolves those to an employee). */
export const parseTextValue = (type: Exclude<TAttributeType, "reference">, raw: string): TParsedValue => {
  const text = raw.trim();
  if (text.length > MAX_VALUE_LENGTH) return { ok: false, message: `has more than ${MAX_VALUE_LENGTH} characters` };
  switch (type) {
    case "string":
      return { ok: true, value: text };
    case "boolean": {
      const l = text.toLowerCase();
      if (TRUE.has(l)) return { ok: true, value: "true" };
      if (FALSE.has(l)) return { ok: true, value: "false" };
      return { ok: false, message: `'${text}' is not yes or no (use true/false or yes/no)` };
    }
    case "number": {
      const n = Number(text);
      if (!NUMBER.test(text) || !Number.isFinite(n)) return { ok: false, message: `'${text}' is not a number (use digits and a decimal point, e.g. 1250.5)` };
      return { ok: true, value: String(n) };
    }
    case "date": {
      const d = DATE_ONLY.exec(text);
      if (d) {
        const t = new Date(`${text}T00:00:00.000Z`);
        if (Number.isNaN(t.getTime()) || t.getUTCDate() !== Number(d[3])) return { ok: false, message: `'${text}' is not a date` };
        return { ok: true, value: t.toISOString() };
      }
      if (!DATE_TIME.test(text) || Number.isNaN(new Date(text).getTime())) return { ok: false, message: `'${text}' is not a date (use YYYY-MM-DD, e.g. 2024-03-31)` };
      return { ok: true, value: new Date(text).toISOString() };
    }
  }
};

/** Canonical value → what a person reads (a reference is shown by the caller as the employee's name). */
export const formatValue = (type: TAttributeType, value: string): string => {
  switch (type) {
    case "boolean":
      return value === "true" ? "Yes" : value === "false" ? "No" : value;
    case "number": {
      const n = Number(value);
      return Number.isFinite(n) ? n.toLocaleString("en", { maximumFractionDigits: 20 }) : value;
    }
    case "date": {
      const d = new Date(value);
      if (Number.isNaN(d.getTime())) return value;
      const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
      return midnight ? d.toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }) : d.toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
    }
    default:
      return value;
  }
};

/** Canonical value → the CSV cell that imports back to it (dates as YYYY-MM-DD when they are a day). */
export const csvCell = (type: TAttributeType, value: string): string => {
  if (type === "date" && /T00:00:00(?:\.000)?Z$/.test(value)) return value.slice(0, 10);
  return value;
};
