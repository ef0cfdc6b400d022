"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { StatusBadge } from "@/components/employees/status-badge";
import { Pagination } from "@/components/pagination";
import { SearchInput } from "@/components/search-input";
import { Alert, EmptyState, formatDateTime, Table, Td, Th, cx } from "@/components/ui";
import { useDebouncedValue } from "@/hooks/use-debounced-value";
import { useGroupMembers } from "@/hooks/use-group-members";
import type { TMemberList, TMemberListQuery } from "@/lib/groups/list-query";

export const GroupMembers = ({ slug, groupId, initialQuery, initialData }: { slug: string; groupId: string; initialQuery: TMemberListQuery; initialData: TMemberList }) => {
  const [state, setState] = useState(initialQuery);
  const [search, setSearch] = useState(initialQuery.q);

  // A navigation to this page (a link, the nav) brings new server data: start again from its query.
  const [rendered, setRendered] = useState(initialData);
  if (rendered !== initialData) {
    setRendered(initialData);
    setState(initialQuery);
    setSearch(initialQuery.q);
  }
  const debounced = useDebouncedValue(search.trim(), 250);

  // A new settled search starts again at page 1.
  const query: TMemberListQuery = state.q === debounced ? state : { ...state, q: debounced, page: 1 };
  const sp = new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.page > 1 ? { page: String(query.page) } : {}) }).toString();

  useEffect(() => {
    window.history.replaceState(null, "", `${window.location.pathname}${sp ? `?${sp}` : ""}`);
  }, [sp]);

  const { data, error, isFetching, isPlaceholderData } = useGroupMembers(slug, groupId, query, { query: initialQuery, data: initialData });
  const list = data ?? initialData;
  const busy = isFetching && isPlaceholderData;

  if (list.total === 0 && !query.q) {
    return <EmptyState title="No members">This group has no members in Muster. Members come from your identity provider when it assigns users to the group.</EmptyState>;
  }
  return (
    <div>
      <div className="mb-3 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <SearchInput label="Search members by name or email" placeholder="Search members by name or email" value={search} onChange={setSearch} />
        {busy ? (
          <p className="text-sm text-slate-500" role="status">
            Loading…
          </p>
        ) : null}
      </div>
      {error ? <Alert>Could not load members: {error.message}</Alert> : null}
      {list.total === 0 ? (
        <EmptyState title={`No members match “${query.q}”`}>Search matches the start of a name, a last name or an email address.</EmptyState>
      ) : (
        <div aria-busy={busy} className={cx("transition-opacity", busy && "opacity-60")}>
          <Table caption="Group members">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Job title</Th>
                <Th>Status</Th>
                <Th>Member since</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((m) => (
                <tr key={m.id} className="hover:bg-slate-50">
                  <Td className="max-w-[14rem]">
                    <Link href={`/w/${slug}/employees/${m.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {m.displayName || m.email || "Unnamed employee"}
                    </Link>
                  </Td>
                  <Td className="max-w-[16rem]">
                    <span className="block truncate">{m.email ?? "—"}</span>
                  </Td>
                  <Td className="max-w-[12rem]">
                    <span className="block truncate">{m.title ?? "—"}</span>
                  </Td>
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                  <Td className="whitespace-nowrap text-slate-500">{formatDateTime(m.addedAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} noun="members" disabled={busy} onPage={(page) => setState({ ...query, page })} />
        </div>
      )}
    </div>
  );
};
