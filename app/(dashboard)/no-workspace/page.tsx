import { SignOutButton } from "@/components/sign-out-button";
import { requireUser } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

const NoWorkspacePage = async () => {
  const user = await requireUser("/no-workspace");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-2xl font-semibold">No workspace yet</h1>
      <p className="text-slate-600">
        {user.email} is not an admin of any workspace. Ask a workspace owner to add you, or sign out and create a new workspace.
      </p>
      <SignOutButton />
    </main>
  );
};

export default NoWorkspacePage;
