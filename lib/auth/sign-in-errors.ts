// What the sign-in pages say for next-auth's `?error=` codes (and the ones Muster adds), shared by
// the pages (server) and the forms (browser). Nothing here tells a stranger whether an account exists.

/** "TooManyAttempts:900" → 900: the seconds until password sign-in is possible again. */
export const pausedFor = (code: string | null | undefined): number | null => {
  const m = /^TooManyAttempts:(\d+)$/.exec(code ?? "");
  return m ? Number(m[1]) : null;
};

export const waitText = (seconds: number) => {
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"}`;
};

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  SsoUnknownUser: "No Muster account uses that email. Ask a workspace owner to invite you first.",
  SsoNoEmail: "Your identity provider did not share an email address.",
  SsoEmailNotVerified: "Your identity provider has not verified your email address, so Muster cannot use it to sign you in. Verify it there, or sign in with your password.",
  SsoWrongTenant: "That Microsoft account belongs to another organisation than the one this Muster trusts.",
  SsoNoSubject: "Your identity provider did not say who you are. Try again or use your password.",
  SsoOtherIdentityLinked: "Your Muster account is already linked to another account at that identity provider. Sign in with your password and unlink it under Account first.",
  SsoLinkExpired: "That confirmation has expired or was already used. Sign in with single sign-on again.",
  OAuthSignin: "Single sign-on could not start. Try again or use your password.",
  OAuthCallback: "Single sign-on failed. Try again or use your password.",
  AccessDenied: "Access denied.",
};

export const signInErrorMessage = (code: string | null | undefined): string | undefined => {
  if (!code) return undefined;
  const paused = pausedFor(code);
  if (paused !== null) return `Too many wrong passwords. For your security, password sign-in for this account is paused for ${waitText(paused)}. If the account exists, its owner has been emailed.`;
  return MESSAGES[code] ?? "Sign-in failed. Please try again.";
};
