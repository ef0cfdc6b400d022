"use client";
import { StatusBadge } from "@/components/employees/status-badge";
import { Pagination } from "@/components/pagination";
import { SearchInput } from "@/components/search-input";
import { Alert, EmptyState, formatDateTime, Table, Td, Th, cx } from "@/components/ui";
import { useGroupMembers } from "@/hooks/use-group-members";
import { useSearchPaging } from "@/hooks/use-search-paging";
import type { TMemberList, TMemberListQuery } from "@/lib/groups/list-query";
import { EmployeeCells } from "@/components/employees/employee-cells";

export const GroupMembers = ({ slug, groupId, initialQuery, initialData }: { slug: string; groupId: string; initialQuery: TMemberListQuery; initialData: TMemberList }) => {
  const { query, search, setSearch, setPage } = useSearchPaging(initialQuery, initialData);

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
                  <EmployeeCells slug={slug} row={m} />
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                  <Td className="whitespace-nowrap text-slate-500">{formatDateTime(m.addedAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} noun="members" disabled={busy} onPage={setPage} />
        </div>
      )}
    </div>
  );
};
