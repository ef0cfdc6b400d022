// "Employees / Ada Lovelace / Business card": each step in its own list item, so the links stand
// apart from the surrounding text (axe link-in-text-block) and screen readers hear a trail.
import Link from "next/link";
import { Fragment } from "react";

export const Breadcrumb = ({ items }: { items: { label: string; href?: string }[] }) => (
  <nav aria-label="Breadcrumb" className="text-sm">
    <ol className="flex flex-wrap items-center gap-1.5">
      {items.map((item, i) => (
        <Fragment key={`${i}-${item.label}`}>
          {i > 0 ? (
            <li aria-hidden className="text-slate-400">
              /
            </li>
          ) : null}
          <li className="min-w-0 truncate">
            {item.href ? (
              <Link href={item.href} className="text-brand-700 hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="text-slate-600">
                {item.label}
              </span>
            )}
          </li>
        </Fragment>
      ))}
    </ol>
  </nav>
);
