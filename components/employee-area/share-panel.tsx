// The card's public link, QR code and vCard, for the employee's own page.
import { CopyButton } from "@/components/copy-button";

const linkButton =
  "inline-flex items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm transition hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2";

export const SharePanel = ({ url, vcardHref, qrSvg }: { url: string; vcardHref: string; qrSvg: string }) => (
  <section aria-labelledby="share-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
    <h2 id="share-heading" className="text-base font-semibold">
      Share your card
    </h2>
    <p className="mt-1 text-sm text-slate-600">Anyone with the link or the QR code sees your card and can save you as a contact.</p>
    <div className="mt-4 flex items-center gap-2">
      <code className="block min-w-0 flex-1 truncate rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-800" data-testid="share-url" title={url}>
        {url}
      </code>
      <CopyButton value={url} label="Copy link" />
    </div>
    <div className="mt-4 flex items-center gap-4">
      <div role="img" aria-label="QR code of your card's link" className="h-28 w-28 shrink-0 rounded-md border border-slate-200 p-1 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <div className="flex flex-col gap-2">
        <a href={url} target="_blank" rel="noopener" className={linkButton}>
          Open public card
        </a>
        <a href={vcardHref} className={linkButton}>
          Download vCard
        </a>
      </div>
    </div>
  </section>
);
