import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BusinessCard, cardName } from "@/components/cards/business-card";
import { publicCard, qrSvg, shareUrl } from "@/lib/server/employee-access/share-card";
import { currentOrigin } from "@/lib/server/public-origin";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ shareId: string }> };

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const card = await publicCard((await params).shareId);
  const name = card ? cardName(card.fields) : null;
  // A person's card is shared by link, not found by search engines.
  return { title: name ? `${name} · ${card!.fields.company || card!.workspaceName}` : "Business card", robots: { index: false, follow: false }, referrer: "no-referrer" };
};

const SharePage = async ({ params }: Props) => {
  const { shareId } = await params;
  const card = await publicCard(shareId);
  if (!card) notFound();
  const url = shareUrl(await currentOrigin(), card.shareId);
  const svg = await qrSvg(url);
  const name = cardName(card.fields) ?? "this person";
  return (
    <main className="flex min-h-screen flex-col items-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
      <h1 className="sr-only">Business card of {name}</h1>
      <BusinessCard fields={card.fields} />
      <div className="mt-6 w-full max-w-[420px]">
        <a
          href={`/c/${card.shareId}/vcard`}
          className="flex w-full items-center justify-center gap-2 rounded-md bg-brand-600 px-4 py-2.5 text-sm font-medium text-white shadow-sm transition hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
        >
          Save contact (vCard)
        </a>
      </div>
      <section aria-labelledby="qr-heading" className="mt-6 flex w-full max-w-[420px] items-center gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div role="img" aria-label={`QR code linking to the card of ${name}`} className="h-24 w-24 shrink-0 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
        <div className="min-w-0">
          <h2 id="qr-heading" className="text-sm font-semibold text-slate-900">
            Scan to open this card
          </h2>
          <p className="mt-0.5 break-all text-xs text-slate-500">{url}</p>
        </div>
      </section>
      <p className="mt-8 text-xs text-slate-500">
        {card.workspaceName} · Digital business card by <span className="font-medium">Muster</span>
      </p>
    </main>
  );
};

export default SharePage;
