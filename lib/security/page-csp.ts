// The Content-Security-Policy of HTML pages (proxy.ts sets it per request). API routes get a
// fixed, stricter one from next.config.js, and the other security headers come from there too.

/** 128 random bits, base64: fresh for every page so an injected script cannot guess it. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");

export const pageCsp = (nonce: string, dev: boolean) =>
  [
    "default-src 'self'",
    // Next puts the nonce on its own inline and chunk scripts; 'strict-dynamic' lets those load the
    // chunks they need. `next dev` needs eval for React's debugging (server error stacks in the
    // browser); production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed: React `style` attributes (progress bars, chart legends) and
    // recharts' SVG set them at run time, where no nonce can reach. Styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Employee photos and company logos are https URLs the IdP or an admin entered.
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // No page may be framed, by another site or this one: the tokens page is a clickjacking target.
    "frame-ancestors 'none'",
  ].join("; ");
