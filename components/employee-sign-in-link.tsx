// "Employee sign-in link" on the Connect and Settings pages: the address admins share so employees
// find their sign-in page on a new device (the activation email names it too).
import { CopyField } from "@/components/copy-button";
import { Card, cx } from "@/components/ui";
import { signInPageUrl } from "@/lib/employee-access/sign-in-page";

/** `prominent`: titled like the Settings page's other panels; otherwise like the Connect page's cards. */
export const EmployeeSignInLink = ({ origin, slug, prominent = false }: { origin: string; slug: string; prominent?: boolean }) => {
  const url = signInPageUrl(origin, slug);
  return (
    <Card className={prominent ? undefined : "p-5"}>
      <div data-testid="employee-sign-in-link">
        <h2 className={cx("font-semibold text-slate-900", prominent ? "text-lg" : "text-sm")}>Employee sign-in link</h2>
        <p className="mt-1 text-sm text-slate-600">
          Where employees sign in to their business card on a new device, or after their session ends. Their activation email names it; share it too, on your intranet or
          in onboarding notes. An employee who has lost it can have it emailed to them from {origin}/me.
        </p>
        <div className="mt-3">
          <CopyField value={url} label="Copy link" testId="employee-sign-in-url" />
        </div>
      </div>
    </Card>
  );
};
