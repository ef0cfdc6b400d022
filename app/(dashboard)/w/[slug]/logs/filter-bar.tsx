"use client";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui";
import { formatHour } from "@/lib/events/format";
import { hasFilters, METHODS, type TEventFilters } from "@/lib/events/filters";

const EXACT_STATUSES = [200, 201, 204, 400, 401, 403, 404, 409, 412, 413, 429, 500];

const Select = ({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) => {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="block rounded-md border border-slate-300 bg-white py-2 pl-3 pr-8 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
      >
        {children}
      </select>
    </div>
  );
};

const Chip = ({ children, onRemove, removeLabel }: { children: ReactNode; onRemove: () => void; removeLabel: string }) => (
  <span className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pl-3 pr-1 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-100">
    {children}
    <button
      type="button"
      onClick={onRemove}
      aria-label={removeLabel}
      className="grid h-5 w-5 place-items-center rounded-full text-brand-700 hover:bg-brand-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      <span aria-hidden>×</span>
    </button>
  </span>
);

// The Status select holds either an outcome ("client-error") or an exact code ("409").
const statusValue = (f: TEventFilters) => (f.status !== undefined ? String(f.status) : (f.outcome ?? ""));

type Props = { filters: TEventFilters; onChange: (f: TEventFilters) => void; onRefresh: () => Promise<unknown> };

export const FilterBar = ({ filters, onChange, onRefresh }: Props) => {
  const errorsId = useId();
  const [refreshing, setRefreshing] = useState(false);
  const set = (patch: Partial<TEventFilters>) => onChange({ ...filters, ...patch });
  const custom = !filters.range && (filters.from || filters.to);

  const setStatus = (v: string) => {
    if (/^\d+$/.test(v)) set({ status: Number(v), outcome: undefined });
    else set({ outcome: (v || undefined) as TEventFilters["outcome"], status: undefined });
  };
  const setTime = (v: string) => set({ range: (v || undefined) as TEventFilters["range"], from: undefined, to: undefined });

  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div role="search" aria-label="Filter requests" className="flex flex-wrap items-end gap-3">
        <Select label="Status" value={statusValue(filters)} onChange={setStatus}>
          <option value="">Any status</option>
          <option value="success">Success (2xx, 3xx)</option>
          <option value="client-error">Client errors (4xx)</option>
          <option value="server-error">Server errors (5xx)</option>
          <optgroup label="Exact status">
            {EXACT_STATUSES.map((s) => (
              <option key={s} value={String(s)}>
                {s}
              </option>
            ))}
          </optgroup>
        </Select>
        <Select label="Method" value={filters.method ?? ""} onChange={(v) => set({ method: (v || undefined) as TEventFilters["method"] })}>
          <option value="">Any method</option>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
        <Select label="Resource" value={filters.resource ?? ""} onChange={(v) => set({ resource: (v || undefined) as TEventFilters["resource"] })}>
          <option value="">Any resource</option>
          <option value="User">Users</option>
          <option value="Group">Groups</option>
          <option value="other">Other</option>
        </Select>
        <Select label="Time" value={custom ? "custom" : (filters.range ?? "")} onChange={setTime}>
          <option value="">Any time</option>
          <option value="1h">Last hour</option>
          <option value="24h">Last 24 hours</option>
          <option value="7d">Last 7 days</option>
          <option value="30d">Last 30 days</option>
          {custom ? <option value="custom">Chosen hour</option> : null}
        </Select>
        <div className="flex h-[38px] items-center gap-2">
          <input
            id={errorsId}
            type="checkbox"
            checked={filters.errors ?? false}
            onChange={(e) => set({ errors: e.target.checked || undefined })}
            className="h-4 w-4 rounded border-slate-300 text-brand-600 accent-brand-600 focus:ring-2 focus:ring-brand-500"
          />
          <label htmlFor={errorsId} className="text-sm font-medium text-slate-700">
            Errors only
          </label>
        </div>
        <div className="ml-auto flex items-center gap-2">
          {hasFilters(filters) ? (
            <Button variant="secondary" className="px-3 py-2" onClick={() => onChange({})}>
              Clear filters
            </Button>
          ) : null}
          <Button
            variant="secondary"
            className="px-3 py-2"
            disabled={refreshing}
            onClick={async () => {
              setRefreshing(true);
              await onRefresh().finally(() => setRefreshing(false));
            }}
          >
            {refreshing ? "Refreshing…" : "Refresh"}
          </Button>
        </div>
      </div>
      {custom || filters.resourceId ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {custom ? (
            <Chip onRemove={() => set({ from: undefined, to: undefined })} removeLabel="Remove the time filter">
              {filters.from ? formatHour(filters.from) : "…"} – {filters.to ? formatHour(filters.to) : "now"} UTC
            </Chip>
          ) : null}
          {filters.resourceId ? (
            <Chip onRemove={() => set({ resourceId: undefined })} removeLabel="Remove the resource filter">
              Resource <span className="font-mono">{filters.resourceId}</span>
            </Chip>
          ) : null}
        </div>
      ) : null}
    </div>
  );
};
