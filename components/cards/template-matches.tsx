"use client";
// "Who does this match?": the employees the editor's rules match right now (saved or not), and —
// for a saved template — assigning it by hand to all of them or to the ones picked.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { StatusBadge } from "@/components/employees/status-badge";
import { Pagination } from "@/components/pagination";
import { Alert, Button, cx, EmptyState, Table, Td, Th } from "@/components/ui";
import { matchesKey, useTemplateMatches } from "@/hooks/use-template-matches";
import { requestJson } from "@/lib/client/fetch-json";
import { fieldLabel } from "@/lib/provisioning/card-fields";
import type { TRules } from "@/lib/provisioning/templates";
import type { TApplyResult } from "@/lib/templates/dto";

type Props = { slug: string; templateId: string | null; templateName: string; rules: TRules | null; dirty: boolean; fieldKeys: string[] };

const n = (x: number) => x.toLocaleString("en");

export const TemplateMatches = ({ slug, templateId, templateName, rules, dirty, fieldKeys }: Props) => {
  const client = useQueryClient();
  const [asked, setAsked] = useState<TRules | null>(null);
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<null | "all" | "picked">(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ scanned: number; total: number } | null>(null);
  const { data, error, isFetching } = useTemplateMatches(slug, asked, page);
  const stale = asked !== null && JSON.stringify(asked) !== JSON.stringify(rules);
  const canApply = !!templateId && !dirty && !stale && !!data && data.total > 0;

  // "All matches" goes a chunk of the workspace per request; each answer says where to go on.
  const apply = useMutation({
    mutationFn: async (body: { all: true } | { employeeIds: string[] }) => {
      const url = `/api/w/${slug}/templates/${templateId}/apply`;
      if ("employeeIds" in body) return requestJson<TApplyResult>(url, { method: "POST", body });
      let after: string | null = null;
      let applied = 0;
      let scanned = 0;
      setProgress({ scanned: 0, total: data?.scanned ?? 0 });
      for (;;) {
        const res: TApplyResult = await requestJson<TApplyResult>(url, { method: "POST", body: after ? { all: true, after } : { all: true } });
        applied += res.applied;
        scanned += res.scanned;
        setProgress({ scanned, total: Math.max(res.total, scanned) });
        // A cursor that does not move would loop forever; stop and report what was done.
        if (res.done || res.after === after) return { ...res, applied };
        after = res.after;
      }
    },
    onSettled: () => setProgress(null),
    onSuccess: (res) => {
      setConfirm(null);
      setPicked(new Set());
      setNotice(`Assigned “${res.template}” to ${n(res.applied)} ${res.applied === 1 ? "employee" : "employees"}: their cards inherit it.`);
      void client.invalidateQueries({ queryKey: matchesKey(slug) });
    },
  });

  const toggle = (id: string) =>
    setPicked((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const count = confirm === "all" ? (data?.total ?? 0) : picked.size;
  const fieldList = fieldKeys.length ? fieldKeys.map(fieldLabel).join(", ") : "no fields";

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={!rules || isFetching}
          onClick={() => {
            setNotice(null);
            setPicked(new Set());
            setPage(1);
            setAsked(rules);
            if (asked && JSON.stringify(asked) === JSON.stringify(rules)) void client.invalidateQueries({ queryKey: matchesKey(slug) });
          }}
        >
          {isFetching ? "Checking employees…" : asked ? "Preview matches again" : "Preview matches"}
        </Button>
        {!rules ? <p className="text-sm text-slate-500">Complete the rules above to preview who they match.</p> : null}
        {stale && rules ? (
          <p className="text-sm text-amber-800" role="status">
            The rules changed since this preview.
          </p>
        ) : null}
      </div>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? <Alert>Could not preview matches: {error.message}</Alert> : null}

      {data && asked ? (
        data.total === 0 ? (
          <EmptyState title="No employees match these rules">
            Rules look at what the identity provider sends (checked {n(data.scanned)} {data.scanned === 1 ? "employee" : "employees"}, archived ones left out). Values compare
            without regard to case.
          </EmptyState>
        ) : (
          <div className={cx("transition-opacity", isFetching && "opacity-60")} aria-busy={isFetching}>
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-slate-700" data-testid="match-count">
                <span className="font-semibold tabular-nums text-slate-900">{n(data.total)}</span> of {n(data.scanned)} {data.scanned === 1 ? "employee matches" : "employees match"}
              </p>
              {templateId ? (
                <div className="flex flex-wrap gap-2">
                  <Button type="button" variant="secondary" disabled={!canApply || picked.size === 0} onClick={() => setConfirm("picked")}>
                    Assign to selected ({n(picked.size)})
                  </Button>
                  <Button type="button" disabled={!canApply} onClick={() => setConfirm("all")}>
                    Assign to all {n(data.total)} {data.total === 1 ? "match" : "matches"}
                  </Button>
                </div>
              ) : null}
            </div>
            {templateId && (dirty || stale) ? (
              <p className="mb-3 text-sm text-slate-600">{dirty ? "Save the template first to assign it to existing employees." : "Preview again to assign by these rules."}</p>
            ) : null}
            {!templateId ? <p className="mb-3 text-sm text-slate-600">Save the template to assign it to these existing employees by hand.</p> : null}
            <Table caption="Employees these rules match">
              <thead>
                <tr>
                  {templateId ? (
                    <Th className="w-10">
                      <span className="sr-only">Select</span>
                    </Th>
                  ) : null}
                  <Th>Name</Th>
                  <Th>Job title</Th>
                  <Th>Department</Th>
                  <Th>Status</Th>
                  <Th>Template now</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.rows.map((e) => {
                  const name = e.displayName || e.email || "Unnamed employee";
                  return (
                    <tr key={e.id} className="hover:bg-slate-50">
                      {templateId ? (
                        <Td>
                          <input
                            type="checkbox"
                            aria-label={`Select ${name}`}
                            checked={picked.has(e.id)}
                            onChange={() => toggle(e.id)}
                            className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
                          />
                        </Td>
                      ) : null}
                      <Td className="max-w-[16rem]">
                        <Link href={`/w/${slug}/cards/${e.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                          {name}
                        </Link>
                        {e.email && e.displayName ? <span className="block truncate text-xs text-slate-500">{e.email}</span> : null}
                      </Td>
                      <Td className="max-w-[12rem] truncate">{e.title ?? <span className="text-slate-400">—</span>}</Td>
                      <Td className="max-w-[12rem] truncate">{e.department ?? <span className="text-slate-400">—</span>}</Td>
                      <Td>
                        <StatusBadge status={e.status} />
                      </Td>
                      <Td className="max-w-[12rem] truncate">{e.template ?? <span className="text-slate-500">None</span>}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun="matching employees" disabled={isFetching} onPage={setPage} />
          </div>
        )
      ) : null}

      <ConfirmDialog
        open={confirm !== null}
        title={`Assign “${templateName}” to ${n(count)} ${count === 1 ? "employee" : "employees"}?`}
        confirmLabel={`Assign to ${n(count)} ${count === 1 ? "employee" : "employees"}`}
        pendingLabel="Assigning…"
        tone="primary"
        pending={apply.isPending}
        error={apply.error?.message ?? null}
        onCancel={() => {
          apply.reset();
          setConfirm(null);
        }}
        onConfirm={() => apply.mutate(confirm === "all" ? { all: true } : { employeeIds: [...picked] })}
      >
        <p>Their cards inherit this template from now on: its fields ({fieldList}) replace what their previous template and the identity provider gave, and later edits of the template reach them.</p>
        <p>Fields an admin or the employee set on a card keep their values.</p>
        {progress ? (
          <div className="space-y-1 pt-1">
            <div
              role="progressbar"
              aria-label="Assign progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={progress.total ? Math.round((progress.scanned / progress.total) * 100) : 0}
              className="h-2 overflow-hidden rounded-full bg-slate-100"
            >
              <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${progress.total ? Math.min(100, (progress.scanned / progress.total) * 100) : 0}%` }} />
            </div>
            <p className="text-xs text-slate-500">
              Checked {n(progress.scanned)} of {n(progress.total)} employees…
            </p>
          </div>
        ) : null}
      </ConfirmDialog>
    </div>
  );
};
