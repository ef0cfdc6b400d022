// Where an employee of a workspace signs in, on any device: the address admins share and the
// emails name. Not a secret.
export const signInPagePath = (slug: string) => `/e/${encodeURIComponent(slug)}/sign-in`;

export const signInPageUrl = (origin: string, slug: string) => `${origin}${signInPagePath(slug)}`;
