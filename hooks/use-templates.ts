"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { TTemplateDto } from "@/lib/templates/dto";

export const templatesKey = (slug: string) => ["templates", slug] as const;

export const useTemplates = (slug: string, initial: TTemplateDto[]) =>
  useQuery({
    queryKey: templatesKey(slug),
    queryFn: async () => (await requestJson<{ templates: TTemplateDto[] }>(`/api/w/${slug}/templates`)).templates,
    initialData: initial,
  });

/** One place up or down; the answer is the list in its new order. */
export const useMoveTemplate = (slug: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, direction }: { id: string; direction: "up" | "down" }) =>
      requestJson<{ templates: TTemplateDto[] }>(`/api/w/${slug}/templates/${id}/move`, { method: "POST", body: { direction } }),
    onSuccess: ({ templates }) => client.setQueryData(templatesKey(slug), templates),
  });
};
