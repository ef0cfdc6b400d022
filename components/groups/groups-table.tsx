"use client";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { SearchInput } from "@/components/search-input";
import { Alert, EmptyState, formatDateTime, Table, Td, Th, timeAgo, cx } from "@/components/ui";
import { useGroups } from "@/hooks/use-groups";
import { useSearchPaging } from "@/hooks/use-search-paging";
import type { TGroupList, TGroupListQuery } from "@/lib/groups/list-query";

const n = (x: number) => x.toLocaleString("en");

export const GroupsTable = ({ slug, initialQuery, initialData }: { slug: string; initialQuery: TGroupListQuery; initialData: TGroupList }) => {
  const { query, search, setSearch, setPage } = useSearchPaging(initialQuery, initialData);

  const { data, error, isFetching, isPlaceholderData } = useGroups(slug, query, { query: initialQuery, data: initialData });
  const list = data ?? initialData;
  const busy = isFetching && isPlaceholderData;
  const none = list.total === 0 && !query.q;

  return (
    <div>
      {none ? (
        <EmptyState title="No groups yet">
          Groups appear here when your identity provider pushes them over SCIM (in Entra ID: assign groups to the Muster app; in Okta: Push Groups). Their members are
          kept in sync with the IdP.
        </EmptyState>
      ) : (
        <>
          <div className="mb-3 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <SearchInput label="Search groups by name" placeholder="Search groups by name" value={search} onChange={setSearch} />
            {busy ? (
              <p className="text-sm text-slate-500" role="status">
                Loading…
              </p>
            ) : null}
          </div>
          {error ? <Alert>Could not load groups: {error.message}</Alert> : null}
          {list.total === 0 ? (
            <EmptyState title={`No groups match “${query.q}”`}>Search looks in group names. Try part of the name.</EmptyState>
          ) : (
            <div aria-busy={busy} className={cx("transition-opacity", busy && "opacity-60")}>
              <Table caption="Groups">
                <thead>
                  <tr>
                    <Th>Name</Th>
                    <Th className="text-right">Members</Th>
                    <Th>External ID</Th>
                    <Th>Last change</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {list.rows.map((g) => (
                    <tr key={g.id} className="hover:bg-slate-50">
                      <Td className="max-w-[20rem]">
                        <Link href={`/w/${slug}/groups/${g.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                          {g.displayName}
                        </Link>
                      </Td>
                      <Td className="text-right tabular-nums">{n(g.memberCount)}</Td>
                      <Td className="max-w-[18rem]">{g.externalId ? <span className="block truncate font-mono text-xs">{g.externalId}</span> : <span className="text-slate-400">—</span>}</Td>
                      <Td className="whitespace-nowrap text-slate-500">
                        <time dateTime={g.updatedAt} title={formatDateTime(g.updatedAt)} suppressHydrationWarning>
                          {timeAgo(g.updatedAt)}
                        </time>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Pagination page={list.page} pageSize={list.pageSize} total={list.total} noun="groups" disabled={busy} onPage={setPage} />
            </div>
          )}
        </>
      )}
    </div>
  );
};
