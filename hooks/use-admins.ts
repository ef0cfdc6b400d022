"use client";
import { useQuery } from "@tanstack/react-query";
import { requestJson } from "@/lib/client/fetch-json";
import type { AdminDto, InviteDto } from "@/lib/workspaces/admins";

export type AdminsData = { admins: AdminDto[]; invites: InviteDto[]; me: { userId: string; role: string } };

export const adminsKey = (slug: string) => ["workspace", slug, "admins"] as const;

export const useAdmins = (slug: string, initialData?: AdminsData) =>
  useQuery({ queryKey: adminsKey(slug), queryFn: () => requestJson<AdminsData>(`/api/w/${slug}/admins`), initialData });
