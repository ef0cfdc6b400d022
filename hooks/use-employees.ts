"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { toSearchParams, type TEmployeeList, type TEmployeeListQuery } from "@/lib/employees/list-query";

export const employeesKey = (slug: string) => ["employees", slug] as const;

/** The employees table; the server-rendered first page is used while its query is unchanged. */
export const useEmployees = (slug: string, query: TEmployeeListQuery, initial?: { query: TEmployeeListQuery; data: TEmployeeList }) => {
  const qs = toSearchParams(query).toString();
  const isInitial = initial !== undefined && toSearchParams(initial.query).toString() === qs;
  return useQuery({
    queryKey: [...employeesKey(slug), query],
    queryFn: ({ signal }) => fetchJson<TEmployeeList>(`/api/w/${slug}/employees${qs ? `?${qs}` : ""}`, { signal }),
    placeholderData: keepPreviousData,
    initialData: isInitial ? initial.data : undefined,
  });
};
