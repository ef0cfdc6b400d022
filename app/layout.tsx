import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Muster", template: "%s · Muster" },
  description: "Keep your employee directory in sync with your identity provider over SCIM 2.0.",
};

const RootLayout = ({ children }: { children: ReactNode }) => (
  <html lang="en">
    <body className="min-h-screen font-sans">{children}</body>
  </html>
);

export default RootLayout;
