"use client";
import { useQuery } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { TokenDto } from "@/lib/tokens/dto";

export const tokensKey = (slug: string) => ["workspace", slug, "tokens"] as const;

export const useTokens = (slug: string, initialData?: TokenDto[]) =>
  useQuery({
    queryKey: tokensKey(slug),
    queryFn: async () => (await requestJson<{ tokens: TokenDto[] }>(`/api/w/${slug}/tokens`)).tokens,
    initialData,
    // "last used" moves while an IdP syncs; keep the column honest without a reload.
    refetchInterval: 30_000,
  });
