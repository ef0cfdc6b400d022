import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Muster", template: "%s · Muster" },
  description: "Keep your employee directory in sync with your identity provider over SCIM 2.0.",
};

const RootLayout = async ({ children }: { children: ReactNode }) => {
  // Every page renders per request: Next can put proxy.ts's fresh CSP nonce only on the scripts of a
  // page rendered now, and a page prerendered at build time would have its scripts blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
};

export default RootLayout;
