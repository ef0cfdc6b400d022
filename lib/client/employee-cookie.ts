// After an employee signs in, the browser remembers their workspace (not a secret), so /me can send
// a lapsed session to the right sign-in page.
export const EMPLOYEE_WORKSPACE_COOKIE = "muster-employee-workspace";

export const rememberEmployeeWorkspace = (slug: string) => {
  document.cookie = `${EMPLOYEE_WORKSPACE_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
};
