// An HTTP status as the provisioning log shows it: green for success, amber for the IdP's
// mistakes (4xx), red for Muster's (5xx). The code is always written out, so colour is never the
// only signal.
import { Badge } from "@/components/ui";

const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  304: "Not Modified",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  503: "Service Unavailable",
};

export const reasonPhrase = (status: number) => REASONS[status] ?? "";

export const HttpStatusBadge = ({ status, withReason = false }: { status: number; withReason?: boolean }) => {
  const tone = status >= 500 ? "red" : status >= 400 ? "amber" : "green";
  const reason = reasonPhrase(status);
  return (
    <span title={reason || undefined}>
      <Badge tone={tone}>
        <span className="tabular-nums">{status}</span>
        {withReason && reason ? <span className="ml-1">{reason}</span> : null}
      </Badge>
    </span>
  );
};
