import Link from "next/link";
import { Alert } from "@/components/ui";

/** What both single sign-on confirmation pages show once their request has expired or been used. */
export const LinkGone = ({ children }: { children: React.ReactNode }) => (
  <>
    <h1 className="text-xl font-semibold">Confirm single sign-on</h1>
    <div className="mt-4 space-y-4">
      <Alert>{children}</Alert>
      <Link href="/sign-in" className="text-sm font-medium text-brand-700 hover:underline">
        Back to sign-in
      </Link>
    </div>
  </>
);
