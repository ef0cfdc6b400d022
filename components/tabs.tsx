"use client";
// WAI-ARIA tabs: arrow keys move between tabs, only the selected panel is shown. Panels are
// rendered by the server and passed in as nodes.
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cx } from "./ui";

export type Tab = { id: string; label: string; panel: ReactNode };

export const Tabs = ({ tabs, label }: { tabs: Tab[]; label: string }) => {
  const [selected, setSelected] = useState(tabs[0]?.id);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const next = e.key === "ArrowRight" ? index + 1 : e.key === "ArrowLeft" ? index - 1 : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    setSelected(tab.id);
    refs.current[tab.id]?.focus();
  };

  return (
    <div>
      {/* Tabs wider than a phone scroll inside the list; the rule under them is an inset shadow, which the scroll box does not clip. */}
      <div role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-slate-200)]">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={selected === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={selected === t.id ? 0 : -1}
            onClick={() => setSelected(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={cx(
              "whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500 sm:px-4",
              selected === t.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.id} id={`panel-${t.id}`} role="tabpanel" aria-labelledby={`tab-${t.id}`} hidden={selected !== t.id} tabIndex={0} className="pt-6 focus:outline-none">
          {t.panel}
        </div>
      ))}
    </div>
  );
};
