"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { SendActivationResult } from "@/lib/employee-access/activation";
import { outboxKey } from "./use-outbox";

export type SendActivationInput = ({ employeeIds: string[] } | { allPending: true }) & { requestId: string };

/** Queues activation emails; the outbox list refreshes so the new mails show up there. */
export const useSendActivation = (slug: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SendActivationInput) => requestJson<SendActivationResult>(`/api/w/${encodeURIComponent(slug)}/employees/activation`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: outboxKey(slug) }),
  });
};
