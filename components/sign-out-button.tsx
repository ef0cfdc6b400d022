"use client";
import { signOut } from "next-auth/react";

/** Signs out and lands on `callbackUrl` (the admin sign-in page unless said otherwise). */
export const SignOutButton = ({ callbackUrl = "/sign-in" }: { callbackUrl?: string }) => (
  <button
    type="button"
    onClick={() => signOut({ callbackUrl })}
    className="whitespace-nowrap rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
  >
    Sign out
  </button>
);
