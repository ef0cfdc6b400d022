"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { cx } from "./ui";

const ITEMS = [
  { href: "", label: "Overview" },
  { href: "/employees", label: "Employees" },
  { href: "/groups", label: "Groups" },
  { href: "/roles", label: "Roles" },
  { href: "/templates", label: "Card templates" },
  { href: "/attributes", label: "Attributes" },
  { href: "/logs", label: "Provisioning log" },
  { href: "/connect", label: "Connect IdP" },
  { href: "/tokens", label: "SCIM tokens" },
  { href: "/settings", label: "Settings" },
  { href: "/outbox", label: "Mail outbox" },
];

export const WorkspaceNav = ({ slug }: { slug: string }) => {
  const pathname = usePathname();
  const base = `/w/${slug}`;
  const ref = useRef<HTMLElement>(null);
  // On a phone the tabs scroll sideways: bring the current one into view if it is not (the nav only, never the page).
  useEffect(() => {
    const nav = ref.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current) return;
    const left = current.offsetLeft - nav.offsetLeft;
    if (left >= nav.scrollLeft && left + current.offsetWidth <= nav.scrollLeft + nav.clientWidth) return;
    nav.scrollLeft = left - (nav.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return (
    <nav ref={ref} aria-label="Workspace" className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 sm:px-6">
      {ITEMS.map((item) => {
        const href = `${base}${item.href}`;
        const active = item.href === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={item.href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cx(
              "whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
              active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
};
