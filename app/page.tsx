import { redirect } from "next/navigation";
import { currentUser } from "@/lib/server/auth/session";
import { listUserWorkspaces } from "@/lib/server/auth/memberships";

export const dynamic = "force-dynamic";

const Home = async () => {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const [first] = await listUserWorkspaces(user.id);
  redirect(first ? `/w/${first.workspace.slug}` : "/no-workspace");
};

export default Home;
