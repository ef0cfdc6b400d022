import type { ReactNode } from "react";

const AuthLayout = ({ children }: { children: ReactNode }) => (
  <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
    <div className="mb-8 flex items-center gap-2">
      <span aria-hidden className="grid h-9 w-9 place-items-center rounded-lg bg-brand-600 text-lg font-bold text-white">M</span>
      <span className="text-xl font-semibold tracking-tight">Muster</span>
    </div>
    <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">{children}</div>
  </main>
);

export default AuthLayout;
