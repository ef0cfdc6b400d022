"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { TCardDto, TCardFieldChange } from "@/lib/cards/editor";

export const cardKey = (slug: string, employeeId: string) => ["card", slug, employeeId] as const;

export const useCard = (slug: string, employeeId: string) =>
  useQuery({ queryKey: cardKey(slug, employeeId), queryFn: () => requestJson<TCardDto>(`/api/w/${slug}/employees/${employeeId}/card`) });

/** Edit, unlock, lock or relink one field; the answer is the whole card. */
export const useCardFieldChange = (slug: string, employeeId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, change }: { key: string; change: TCardFieldChange }) =>
      requestJson<{ message: string; card: TCardDto }>(`/api/w/${slug}/employees/${employeeId}/card/${encodeURIComponent(key)}`, { method: "PATCH", body: change }),
    onSuccess: ({ card }) => client.setQueryData(cardKey(slug, employeeId), card),
  });
};

/** The card inherits this template from now on (null: none); the answer is the whole card. */
export const useAssignCardTemplate = (slug: string, employeeId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string | null) => requestJson<{ message: string; card: TCardDto }>(`/api/w/${slug}/employees/${employeeId}/template`, { method: "PUT", body: { templateId } }),
    onSuccess: ({ card }) => client.setQueryData(cardKey(slug, employeeId), card),
  });
};
