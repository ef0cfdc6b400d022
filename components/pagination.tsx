"use client";
import { Button } from "@/components/ui";

const n = (x: number) => x.toLocaleString("en");

/** "Showing 51–100 of 2,000" with Previous/Next; paging itself happens in the database. */
export const Pagination = ({ page, pageSize, total, onPage, noun, disabled }: { page: number; pageSize: number; total: number; onPage: (page: number) => void; noun: string; disabled?: boolean }) => {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label={`${noun} pages`} className="flex flex-col gap-3 py-3 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between">
      <p aria-live="polite">
        {total === 0 ? (
          `No ${noun}`
        ) : (
          <>
            Showing <span className="font-medium tabular-nums text-slate-900">{n(from)}</span>–<span className="font-medium tabular-nums text-slate-900">{n(to)}</span> of{" "}
            <span className="font-medium tabular-nums text-slate-900">{n(total)}</span> {noun}
          </>
        )}
      </p>
      {pages > 1 ? (
        <div className="flex items-center gap-3">
          <span className="tabular-nums">
            Page {n(Math.min(page, pages))} of {n(pages)}
          </span>
          <Button variant="secondary" className="px-3 py-1.5" disabled={disabled || page <= 1} onClick={() => onPage(page - 1)}>
            Previous
          </Button>
          <Button variant="secondary" className="px-3 py-1.5" disabled={disabled || page >= pages} onClick={() => onPage(page + 1)}>
            Next
          </Button>
        </div>
      ) : null}
    </nav>
  );
};
