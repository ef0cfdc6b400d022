"use client";
// The provisioning log's interactive part. The URL is the state: filters, the chart's range and the
// open request (?event=) live in the search params, so every view is a link someone can share.
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { filtersFromParams, filtersToParams, type TEventFilters } from "@/lib/events/filters";
import type { EventDetail, EventPage } from "@/lib/events/dto";
import { EventDrawer } from "./event-drawer";
import { EventsTable } from "./events-table";
import { FilterBar } from "./filter-bar";
import { CHART_RANGES, DEFAULT_CHART_RANGE, type TChartRange } from "@/lib/events/chart-window";
import { RequestsChart } from "./requests-chart";

type Props = { slug: string; initialKey: string; initialPage: EventPage; initialEvent: EventDetail | null };

// ?chart= (not ?range=, which is the list's time filter).
const chartRangeOf = (raw: string | null): TChartRange => CHART_RANGES.find((r) => r === raw) ?? DEFAULT_CHART_RANGE;

export const LogsView = ({ slug, initialKey, initialPage, initialEvent }: Props) => {
  const pathname = usePathname();
  const queryClient = useQueryClient();
  // The query string we show. It changes at once on a click; the router's copy (useSearchParams)
  // follows a moment later, and wins when the URL changes by itself (Back, Forward).
  const routed = useSearchParams().toString();
  const [seen, setSeen] = useState(routed);
  const [qs, setQs] = useState(routed);
  if (routed !== seen) {
    setSeen(routed);
    setQs(routed);
  }
  const searchParams = useMemo(() => new URLSearchParams(qs), [qs]);
  const filters = useMemo(() => filtersFromParams(searchParams), [searchParams]);
  const chartRange = chartRangeOf(searchParams.get("chart"));
  const eventId = searchParams.get("event");
  // Opening a request adds a history entry, so Back closes it; closing one we opened goes back too.
  const openedHere = useRef(false);

  // Next.js keeps useSearchParams in step with the History API, without a server round trip.
  const go = (next: URLSearchParams, how: "push" | "replace") => {
    const nextQs = next.toString();
    setQs(nextQs);
    const url = `${pathname}${nextQs ? `?${nextQs}` : ""}`;
    if (how === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  const withParams = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return next;
  };

  const setFilters = (f: TEventFilters) => {
    const next = filtersToParams(f);
    if (chartRange !== DEFAULT_CHART_RANGE) next.set("chart", chartRange);
    go(next, "replace");
  };
  const eventHref = (id: string) => `${pathname}?${withParams({ event: id })}`;
  const openEvent = (id: string) => {
    openedHere.current = true;
    go(withParams({ event: id }), "push");
  };
  const closeEvent = () => {
    if (openedHere.current) {
      openedHere.current = false;
      setQs(withParams({ event: null }).toString());
      window.history.back();
    } else {
      go(withParams({ event: null }), "replace");
    }
  };
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ["events", slug] }), queryClient.invalidateQueries({ queryKey: ["events-chart", slug] })]);

  return (
    <div className="space-y-6">
      <RequestsChart
        slug={slug}
        range={chartRange}
        onRange={(r) => go(withParams({ chart: r === DEFAULT_CHART_RANGE ? null : r }), "replace")}
        onPickBar={(from, to) => setFilters({ ...filters, range: undefined, from, to })}
      />
      <section aria-labelledby="requests-heading" className="space-y-3">
        <h2 id="requests-heading" className="sr-only">
          Requests
        </h2>
        <FilterBar filters={filters} onChange={setFilters} onRefresh={refresh} />
        <EventsTable
          slug={slug}
          filters={filters}
          initial={{ key: initialKey, page: initialPage }}
          eventHref={eventHref}
          onOpen={openEvent}
          onClearFilters={() => setFilters({})}
        />
      </section>
      <EventDrawer slug={slug} id={eventId} initial={initialEvent} onClose={closeEvent} />
    </div>
  );
};
