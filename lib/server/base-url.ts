import "server-only";

/** The public address of this Muster instance, for links that leave the app (Tenant URL, invite links). */
export const appBaseUrl = () => (process.env.MUSTER_BASE_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
