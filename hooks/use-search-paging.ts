"use client";
// Search-as-you-type with paging, kept in the URL: the state behind the groups and group-members
// tables. A new settled search starts again at page 1; new server data (a navigation) resets it.
import { useEffect, useState } from "react";
import { useDebouncedValue } from "./use-debounced-value";

export const useSearchPaging = <Q extends { q: string; page: number }>(initialQuery: Q, initialData: unknown) => {
  const [state, setState] = useState(initialQuery);
  const [search, setSearch] = useState(initialQuery.q);
  const [rendered, setRendered] = useState(initialData);
  if (rendered !== initialData) {
    setRendered(initialData);
    setState(initialQuery);
    setSearch(initialQuery.q);
  }
  const debounced = useDebouncedValue(search.trim(), 250);
  const query: Q = state.q === debounced ? state : { ...state, q: debounced, page: 1 };
  const sp = new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.page > 1 ? { page: String(query.page) } : {}) }).toString();

  useEffect(() => {
    window.history.replaceState(null, "", `${window.location.pathname}${sp ? `?${sp}` : ""}`);
  }, [sp]);

  return { query, search, setSearch, setPage: (page: number) => setState({ ...query, page }) };
};
