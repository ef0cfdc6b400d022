import { Alert } from "@/components/ui";
import type { MailDelivery } from "@/lib/email/outbox";

/** How this Muster delivers mail, in one sentence above the outbox. */
export const DeliveryNotice = ({ delivery }: { delivery: MailDelivery }) => {
  if (delivery.mode === "misconfigured") return <Alert>Emails are waiting and not sent: {delivery.problem}. Fix the server configuration and restart Muster; waiting emails go out then.</Alert>;
  if (delivery.mode === "embedded")
    return (
      <Alert tone="info">
        <span className="font-medium">Emails are kept here, not sent.</span> No SMTP server is configured, so Muster keeps each email in this outbox. Sign-in and activation links
        are created only when an email is really sent and are never stored, so kept emails show no link. To send them, set{" "}
        <code className="font-mono text-[13px]">SMTP_URL</code> and <code className="font-mono text-[13px]">MAIL_FROM</code>, restart Muster and send the activation emails again.
      </Alert>
    );
  return (
    <Alert tone="info">
      Emails are sent through <span className="font-medium">{delivery.server}</span> from <span className="font-medium">{delivery.from}</span>. While the server cannot be reached, Muster
      retries with growing pauses (at most an hour apart) and sends each email once.
    </Alert>
  );
};
