import Link from "next/link";

const NotFound = () => (
  <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
    <p className="text-sm font-semibold text-brand-600">404</p>
    <h1 className="text-2xl font-semibold">This page does not exist</h1>
    <p className="text-slate-600">Or it belongs to a workspace you are not an admin of.</p>
    <Link href="/" className="mt-2 text-sm font-medium text-brand-700 hover:underline">
      Go to your workspace
    </Link>
  </main>
);

export default NotFound;
