// Liveness probe that touches no database (also the baseline that `npm run bench` measures SCIM against).
export const dynamic = "force-dynamic";
export const GET = () => new Response(null, { status: 204 });
