// The employee page's tabs: plain links (?tab=…), so each tab has its own address, works without
// JavaScript and Back returns to the previous one. The current tab carries aria-current="page".
import Link from "next/link";
import { cx } from "@/components/ui";

export const EMPLOYEE_TABS = [
  { id: "profile", label: "Profile" },
  { id: "card", label: "Card" },
  { id: "timeline", label: "Timeline" },
] as const;
export type TEmployeeTab = (typeof EMPLOYEE_TABS)[number]["id"];

export const employeeTabOf = (raw: string | string[] | undefined): TEmployeeTab => EMPLOYEE_TABS.find((t) => t.id === raw)?.id ?? "profile";

export const employeeTabHref = (base: string, tab: TEmployeeTab) => (tab === "profile" ? base : `${base}?tab=${tab}`);

export const DetailTabs = ({ base, current, label }: { base: string; current: TEmployeeTab; label: string }) => (
  <nav aria-label={label} className="overflow-x-auto border-b border-slate-200">
    <ul className="flex gap-1">
      {EMPLOYEE_TABS.map((t) => (
        <li key={t.id}>
          <Link
            href={employeeTabHref(base, t.id)}
            aria-current={t.id === current ? "page" : undefined}
            scroll={false}
            className={cx(
              "-mb-px inline-block whitespace-nowrap border-b-2 px-4 py-2.5 text-sm font-medium transition focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
              t.id === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {t.label}
          </Link>
        </li>
      ))}
    </ul>
  </nav>
);
