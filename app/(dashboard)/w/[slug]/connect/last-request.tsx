"use client";
import { Badge, cx, formatDateTime, timeAgo } from "@/components/ui";
import { useLastRequest } from "@/hooks/use-last-request";
import type { LastRequestDto } from "@/lib/tokens/dto";

// "/Users?filter=userName+eq+%22x%22" → '/Users?filter=userName eq "x"' ("+" is a space in a query).
const readable = (path: string) => {
  const [route = "", query] = path.split(/\?(.*)/s);
  try {
    return query === undefined ? decodeURIComponent(route) : `${decodeURIComponent(route)}?${decodeURIComponent(query.replace(/\+/g, " "))}`;
  } catch {
    return path;
  }
};

export const LastRequest = ({ slug, initial }: { slug: string; initial: LastRequestDto }) => {
  const { data, error } = useLastRequest(slug, initial);
  return (
    <div data-testid="last-request">
      {data ? (
        <div className="space-y-2">
          <p className="flex items-center gap-2 text-sm">
            <span aria-hidden className={cx("h-2.5 w-2.5 shrink-0 rounded-full", data.status < 400 ? "bg-emerald-500" : "bg-red-500")} />
            <span className="font-medium text-slate-900" title={formatDateTime(data.at)} suppressHydrationWarning>
              {timeAgo(data.at)}
            </span>
            <Badge tone={data.status < 400 ? "green" : "red"}>{data.status}</Badge>
          </p>
          <p className="truncate font-mono text-xs text-slate-700" title={readable(data.path)}>
            <span className="font-semibold">{data.method}</span> {readable(data.path)}
          </p>
          <p className="text-xs text-slate-500">
            {data.tokenName ? (
              <>
                with token “{data.tokenName}” <span className="font-mono">(mst_{data.tokenPrefix}…)</span>
              </>
            ) : (
              "with a token that no longer exists"
            )}
          </p>
        </div>
      ) : (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full bg-slate-300" />
          No request yet — your IdP has not connected.
        </p>
      )}
      {error ? <p className="mt-2 text-xs text-red-700">Could not refresh: {error.message}</p> : <p className="mt-3 text-xs text-slate-500">Checks for new requests every 10 seconds.</p>}
    </div>
  );
};
