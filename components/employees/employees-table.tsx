"use client";
import Link from "next/link";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Pagination } from "@/components/pagination";
import { SearchInput } from "@/components/search-input";
import { Alert, Button, EmptyState, formatDateTime, Table, Td, Th, timeAgo, cx } from "@/components/ui";
import { useDebouncedValue } from "@/hooks/use-debounced-value";
import { useEmployees } from "@/hooks/use-employees";
import type { TAttributeColumn } from "@/lib/attributes/values-dto";
import type { TApplyResult } from "@/lib/templates/dto";
import { columnKeys, EMPLOYEE_TABS, PAGE_SIZES, TAB_LABELS, toSearchParams, type TEmployeeList, type TEmployeeListQuery, type TEmployeeSort, type TEmployeeTab } from "@/lib/employees/list-query";
import { AddEmployeeDialog } from "./add-employee-dialog";
import { SendActivationButton } from "./send-activation-button";
import { StatusBadge } from "./status-badge";
import { EmployeeCells } from "@/components/employees/employee-cells";
import { ColumnChooser } from "./column-chooser";
import { ActivationCell } from "./activation-cell";
import { AssignResult, SelectionBar } from "./selection-bar";

const n = (x: number) => x.toLocaleString("en");

const EMPTY_TAB: Record<TEmployeeTab, { title: string; body: string }> = {
  all: { title: "No employees yet", body: "" },
  synced: { title: "No synced employees", body: "Employees your identity provider creates over SCIM appear here." },
  linked: { title: "No linked employees", body: "When your identity provider provisions someone whose email matches an employee you added here, the two are linked and appear here." },
  manual: { title: "No manual employees", body: "Employees you add by hand or import from a CSV file appear here." },
  archived: { title: "No archived employees", body: "Employees your identity provider deactivates or deletes, and manual ones you archive, appear here with their history. They do not count as seats." },
  pending: { title: "Everyone is activated", body: "Employees who have not activated their Muster account yet appear here." },
};

const SortHeader = ({ label, sort, query, onSort, className }: { label: string; sort: TEmployeeSort; query: TEmployeeListQuery; onSort: (s: TEmployeeSort) => void; className?: string }) => {
  const active = query.sort === sort;
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"} className={cx("bg-slate-50 px-4 py-2.5 text-left", className)}>
      <button
        type="button"
        onClick={() => onSort(sort)}
        className="group inline-flex items-center gap-1 rounded text-xs font-semibold uppercase tracking-wide text-slate-500 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      >
        {label}
        <span aria-hidden className={cx("text-[10px]", active ? "text-slate-900" : "text-slate-300 group-hover:text-slate-400")}>
          {active && query.dir === "desc" ? "▼" : "▲"}
        </span>
        <span className="sr-only">{active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </button>
    </th>
  );
};

type Props = {
  slug: string;
  initialQuery: TEmployeeListQuery;
  initialData: TEmployeeList;
  /** Declared custom attributes, for the column chooser. */
  attributes: TAttributeColumn[];
  /** The workspace's card templates, for "Assign template…". */
  templates: { id: string; name: string }[];
};

const nameOf = (e: { displayName: string | null; email: string | null }) => e.displayName || e.email || "Unnamed employee";

export const EmployeesTable = ({ slug, initialQuery, initialData, attributes, templates }: Props) => {
  const [state, setState] = useState(initialQuery);
  const [search, setSearch] = useState(initialQuery.q);

  // A navigation to this page (a link, the nav) brings new server data: start again from its query.
  const [rendered, setRendered] = useState(initialData);
  if (rendered !== initialData) {
    setRendered(initialData);
    setState(initialQuery);
    setSearch(initialQuery.q);
  }
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const debounced = useDebouncedValue(search.trim(), 250);
  const tabRefs = useRef<Partial<Record<TEmployeeTab, HTMLButtonElement | null>>>({});

  // A settled search that differs from the one the state was made for starts again at page 1.
  const query: TEmployeeListQuery = state.q === debounced ? state : { ...state, q: debounced, page: 1 };
  const update = (patch: Partial<TEmployeeListQuery>) => setState({ ...query, ...patch });
  const qs = toSearchParams(query).toString();

  // Rows picked on this page; another page, tab, search or size starts with none.
  const [selected, setSelected] = useState<Map<string, string>>(() => new Map());
  const [selectedFor, setSelectedFor] = useState(qs);
  if (selectedFor !== qs) {
    setSelectedFor(qs);
    setSelected(new Map());
  }
  const [assigned, setAssigned] = useState<TApplyResult | null>(null);

  // The URL mirrors the table, so a reload or a shared link shows the same view (no server round trip).
  useEffect(() => {
    window.history.replaceState(null, "", `${window.location.pathname}${qs ? `?${qs}` : ""}`);
  }, [qs]);

  const { data, error, isFetching, isPlaceholderData, refetch } = useEmployees(slug, query, { query: initialQuery, data: initialData });
  const list = data ?? initialData;
  const chosen = columnKeys(query.cols);
  const extra = list.columns ?? [];
  const busy = isFetching && isPlaceholderData;
  const pageIds = list.rows.map((r) => r.id);
  const pickedOnPage = pageIds.filter((id) => selected.has(id)).length;
  const allPicked = pageIds.length > 0 && pickedOnPage === pageIds.length;

  const toggle = (row: { id: string; displayName: string | null; email: string | null }) => {
    const next = new Map(selected);
    if (next.has(row.id)) next.delete(row.id);
    else next.set(row.id, nameOf(row));
    setSelected(next);
  };
  const toggleAll = () => setSelected(allPicked ? new Map() : new Map(list.rows.map((r) => [r.id, nameOf(r)])));

  const setTab = (tab: TEmployeeTab) => update({ tab, page: 1 });
  const onSort = (sort: TEmployeeSort) => update({ sort, dir: query.sort === sort && query.dir === "asc" ? "desc" : "asc", page: 1 });

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = EMPLOYEE_TABS.indexOf(query.tab);
    const next = e.key === "ArrowRight" ? EMPLOYEE_TABS[(i + 1) % EMPLOYEE_TABS.length] : e.key === "ArrowLeft" ? EMPLOYEE_TABS[(i - 1 + EMPLOYEE_TABS.length) % EMPLOYEE_TABS.length] : e.key === "Home" ? EMPLOYEE_TABS[0] : e.key === "End" ? EMPLOYEE_TABS.at(-1) : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const exportHref = `/api/w/${slug}/employees/export?${toSearchParams(query, ["page", "pageSize", "sort", "dir"]).toString()}`;
  const workspaceEmpty = list.counts.all === 0 && !query.q;

  return (
    <div>
      <div className="mb-6 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Employees</h1>
          <p className="mt-1 text-slate-600">
            <span className="font-medium tabular-nums text-slate-900" data-testid="seat-count">
              {n(list.seats)} {list.seats === 1 ? "seat" : "seats"}
            </span>{" "}
            in use: every employee who is not archived.
            {!query.q && list.counts.archived ? (
              <span data-testid="all-explained">
                {" "}
                “All” also lists the {list.counts.archived === 1 ? "archived employee" : `${n(list.counts.archived)} archived employees`}: {n(list.counts.all)} in all.
              </span>
            ) : null}
          </p>
        </div>
        {workspaceEmpty ? null : (
          <div className="flex flex-wrap gap-2">
            <a
              href={exportHref}
              download
              className="inline-flex items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm transition hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
            >
              Export CSV
            </a>
            <Link
              href={`/w/${slug}/employees/import`}
              className="inline-flex items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm transition hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
            >
              Import CSV
            </Link>
            <SendActivationButton slug={slug} allPending />
            <Button onClick={() => setAdding(true)}>Add employee</Button>
          </div>
        )}
      </div>

      {created ? (
        <div className="mb-4">
          <Alert tone="success">
            Added {created.name} as a manual employee.{" "}
            <Link href={`/w/${slug}/employees/${created.id}`} className="font-medium underline">
              Open their page
            </Link>
          </Alert>
        </div>
      ) : null}

      {workspaceEmpty ? (
        <EmptyState
          title="No employees yet"
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <Button onClick={() => setAdding(true)}>Add employee</Button>
              <Link href={`/w/${slug}/employees/import`} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50">
                Import CSV
              </Link>
            </div>
          }
        >
          Employees appear here when your identity provider provisions them over SCIM (see{" "}
          <Link href={`/w/${slug}/connect`} className="font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">
            Connect IdP
          </Link>
          ). You can also add people by hand or import them from a CSV file.
        </EmptyState>
      ) : (
        <>
          <div role="tablist" aria-label="Employee status" className="flex gap-1 overflow-x-auto border-b border-slate-200">
            {EMPLOYEE_TABS.map((tab) => {
              const selected = query.tab === tab;
              return (
                <button
                  key={tab}
                  ref={(el) => {
                    tabRefs.current[tab] = el;
                  }}
                  id={`employees-tab-${tab}`}
                  type="button"
                  role="tab"
                  aria-selected={selected}
                  aria-controls="employees-panel"
                  tabIndex={selected ? 0 : -1}
                  onClick={() => setTab(tab)}
                  onKeyDown={onTabKey}
                  className={cx(
                    "-mb-px inline-flex items-center gap-2 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium transition focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                    selected ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                  )}
                >
                  {TAB_LABELS[tab]}
                  <span className={cx("rounded-full px-2 py-0.5 text-xs tabular-nums", selected ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600")} data-testid={`count-${tab}`}>
                    {n(list.counts[tab])}
                  </span>
                </button>
              );
            })}
          </div>

          <div id="employees-panel" role="tabpanel" aria-labelledby={`employees-tab-${query.tab}`} className="pt-4">
            <div className="mb-3 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
              <SearchInput label="Search employees by name or email" placeholder="Search by name or email" value={search} onChange={setSearch} />
              <div className="flex items-center gap-3 sm:justify-end">
                {busy ? (
                  <p className="text-sm text-slate-500" role="status">
                    Loading…
                  </p>
                ) : null}
                <label className="flex items-center gap-2 text-sm text-slate-600">
                  Rows per page
                  <select
                    value={query.pageSize}
                    onChange={(e) => update({ pageSize: Number(e.target.value), page: 1 })}
                    className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm text-slate-800 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500"
                  >
                    {(PAGE_SIZES as readonly number[]).includes(query.pageSize) ? null : <option value={query.pageSize}>{query.pageSize}</option>}
                    {PAGE_SIZES.map((size) => (
                      <option key={size} value={size}>
                        {size}
                      </option>
                    ))}
                  </select>
                </label>
                <ColumnChooser slug={slug} attributes={attributes} chosen={chosen} onChange={(keys) => update({ cols: keys.join(",") })} />
              </div>
            </div>

            {error ? (
              <div className="mb-3 flex items-center gap-3">
                <Alert>Could not load employees: {error.message}</Alert>
                <Button variant="secondary" onClick={() => refetch()}>
                  Retry
                </Button>
              </div>
            ) : null}

            <AssignResult result={assigned} />
            {selected.size ? (
              <SelectionBar
                slug={slug}
                selected={[...selected].map(([id, name]) => ({ id, name }))}
                templates={templates}
                onClear={() => setSelected(new Map())}
                onAssigned={(r) => {
                  setAssigned(r);
                  setSelected(new Map());
                }}
              />
            ) : null}

            {list.total === 0 ? (
              query.q ? (
                <EmptyState title={`No ${query.tab === "all" ? "" : `${TAB_LABELS[query.tab].toLowerCase()} `}employees match “${query.q}”`} action={<Button variant="secondary" onClick={() => setSearch("")}>Clear search</Button>}>
                  Search matches the start of a name, a last name or an email address.
                </EmptyState>
              ) : (
                <EmptyState title={EMPTY_TAB[query.tab].title}>{EMPTY_TAB[query.tab].body}</EmptyState>
              )
            ) : (
              <div aria-busy={busy} className={cx("transition-opacity", busy && "opacity-60")}>
                <Table caption={`${TAB_LABELS[query.tab]} employees`}>
                  <thead>
                    <tr>
                      <th scope="col" className="w-10 bg-slate-50 py-2.5 pl-4 pr-0 text-left">
                        <input
                          type="checkbox"
                          aria-label="Select all employees on this page"
                          checked={allPicked}
                          ref={(el) => {
                            if (el) el.indeterminate = pickedOnPage > 0 && !allPicked;
                          }}
                          onChange={toggleAll}
                          className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                        />
                      </th>
                      <SortHeader label="Name" sort="name" query={query} onSort={onSort} />
                      <SortHeader label="Email" sort="email" query={query} onSort={onSort} />
                      <Th>Job title</Th>
                      <Th>Department</Th>
                      <SortHeader label="Status" sort="status" query={query} onSort={onSort} />
                      <Th>Activation</Th>
                      <SortHeader label="Last change" sort="updated" query={query} onSort={onSort} className="whitespace-nowrap" />
                      {extra.map((c) => (
                        <Th key={c.key} className="whitespace-nowrap">
                          {c.label}
                        </Th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {list.rows.map((e) => (
                      <tr key={e.id} className={cx("hover:bg-slate-50", selected.has(e.id) && "bg-slate-50")}>
                        <td className="w-10 py-3 pl-4 pr-0 align-top">
                          <input
                            type="checkbox"
                            aria-label={`Select ${nameOf(e)}`}
                            checked={selected.has(e.id)}
                            onChange={() => toggle(e)}
                            className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                          />
                        </td>
                        <EmployeeCells slug={slug} row={e} />
                        <Td className="max-w-[10rem]">
                          <span className="block truncate">{e.department ?? "—"}</span>
                        </Td>
                        <Td>
                          <StatusBadge status={e.status} />
                        </Td>
                        <Td className="whitespace-nowrap text-sm">
                          <ActivationCell activation={e.activation} />
                        </Td>
                        <Td className="whitespace-nowrap text-slate-500">
                          <time dateTime={e.updatedAt} title={formatDateTime(e.updatedAt)} suppressHydrationWarning>
                            {timeAgo(e.updatedAt)}
                          </time>
                        </Td>
                        {extra.map((c) => {
                          const v = e.attributes?.[c.key];
                          return (
                            <Td key={c.key} className={cx("max-w-[12rem]", c.type === "number" && "text-right tabular-nums")}>
                              {v?.ref ? (
                                <Link href={`/w/${slug}/employees/${v.ref.id}`} className="block truncate text-brand-700 hover:underline">
                                  {v.text}
                                </Link>
                              ) : (
                                <span className="block truncate" title={v?.text}>
                                  {v?.text ?? "—"}
                                </span>
                              )}
                            </Td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </Table>
                <Pagination page={list.page} pageSize={list.pageSize} total={list.total} noun="employees" disabled={busy} onPage={(page) => update({ page })} />
              </div>
            )}
          </div>
        </>
      )}

      <AddEmployeeDialog slug={slug} open={adding} onClose={() => setAdding(false)} onCreated={setCreated} />
    </div>
  );
};
