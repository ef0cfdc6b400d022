"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { OutboxPage } from "@/lib/email/outbox";

export const outboxKey = (slug: string) => ["workspace", slug, "outbox"] as const;

/** One page of the mail outbox; refreshed every few seconds while mail is waiting or retrying. */
export const useOutbox = (slug: string, page: number, initial?: OutboxPage) =>
  useQuery({
    queryKey: [...outboxKey(slug), page],
    queryFn: () => requestJson<OutboxPage>(`/api/w/${encodeURIComponent(slug)}/outbox?page=${page}`),
    initialData: initial && initial.page === page ? initial : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data && q.state.data.waiting > 0 ? 3_000 : 30_000),
  });
