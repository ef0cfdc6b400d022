"use client";
import Link from "next/link";
import { useState } from "react";
import { Pagination } from "@/components/pagination";
import { Alert, EmptyState, formatDateTime, Table, Td, Th, timeAgo } from "@/components/ui";
import { useOutbox } from "@/hooks/use-outbox";
import type { OutboxPage, OutboxRow } from "@/lib/email/outbox";
import { kindLabel, OutboxStatusBadge } from "./outbox-badges";

const inWords = (iso: string) => {
  const s = Math.max(0, Math.round((new Date(iso).getTime() - Date.now()) / 1000));
  return s < 60 ? `in ${s} s` : s < 3600 ? `in ${Math.round(s / 60)} min` : `in ${Math.round(s / 3600)} h`;
};

const StatusCell = ({ row }: { row: OutboxRow }) => (
  <div className="space-y-1">
    <OutboxStatusBadge status={row.status} />
    {row.status === "sent" && row.sentAt ? <p className="text-xs text-slate-500">{timeAgo(row.sentAt)}{row.attempts > 1 ? ` · after ${row.attempts} attempts` : ""}</p> : null}
    {row.status === "retrying" ? (
      <>
        <p className="text-xs text-slate-600">
          {row.attempts} failed {row.attempts === 1 ? "attempt" : "attempts"} · next {inWords(row.nextAttempt)}
        </p>
        {row.lastError ? (
          <p className="max-w-xs truncate font-mono text-xs text-red-700" title={row.lastError}>
            {row.lastError}
          </p>
        ) : null}
      </>
    ) : null}
  </div>
);

export const OutboxTable = ({ slug, initial }: { slug: string; initial: OutboxPage }) => {
  const [page, setPage] = useState(initial.page);
  const { data, error, isFetching, isPlaceholderData } = useOutbox(slug, page, initial);
  const list = data ?? initial;

  if (list.total === 0)
    return (
      <EmptyState title="No emails yet">
        Activation emails appear here when your identity provider provisions an employee (with <span className="font-medium">Send activation emails</span> on in{" "}
        <Link href={`/w/${slug}/settings`} className="font-medium text-brand-700 hover:underline">
          Settings
        </Link>
        ), or when you send one from the{" "}
        <Link href={`/w/${slug}/employees`} className="font-medium text-brand-700 hover:underline">
          Employees
        </Link>{" "}
        page.
      </EmptyState>
    );

  return (
    <div className="space-y-3">
      {error ? <Alert>{error.message}</Alert> : null}
      <div aria-busy={isFetching && isPlaceholderData} className={isFetching && isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
        <Table caption="Emails in the outbox, newest first">
          <thead>
            <tr>
              <Th>To</Th>
              <Th>Subject</Th>
              <Th>Kind</Th>
              <Th>Created</Th>
              <Th>Status</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50" data-testid="outbox-row">
                <Td className="max-w-[14rem] break-words font-medium text-slate-900">{row.to}</Td>
                <Td>
                  <Link href={`/w/${slug}/outbox/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.subject}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{kindLabel(row.kind)}</Td>
                <Td className="whitespace-nowrap">
                  <span title={formatDateTime(row.createdAt)}>{timeAgo(row.createdAt)}</span>
                </Td>
                <Td>
                  <StatusCell row={row} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <Pagination page={page} pageSize={list.pageSize} total={list.total} onPage={setPage} noun="emails" disabled={isFetching && isPlaceholderData} />
    </div>
  );
};
