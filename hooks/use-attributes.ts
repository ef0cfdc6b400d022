"use client";
import { useQuery } from "@tanstack/react-query";
import type { TAttributeDto } from "@/lib/attributes/declaration";
import { requestJson } from "@/lib/client/fetch-json";

export const attributesKey = (slug: string) => ["workspace", slug, "attributes"] as const;

export const useAttributes = (slug: string, initialData?: TAttributeDto[]) =>
  useQuery({
    queryKey: attributesKey(slug),
    queryFn: async () => (await requestJson<{ attributes: TAttributeDto[] }>(`/api/w/${slug}/attributes`)).attributes,
    initialData,
  });
