"use client";
import { signOut } from "next-auth/react";

export const EmployeeSignOut = ({ slug }: { slug: string }) => (
  <button
    type="button"
    onClick={() => signOut({ callbackUrl: `/e/${encodeURIComponent(slug)}/sign-in` })}
    className="rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
  >
    Sign out
  </button>
);
