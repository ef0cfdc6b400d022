// Row ids made by Muster itself (so a new employee's id is known before its insert, and raw
// multi-row inserts have ids): 25 lower-case letters and digits, like Prisma's cuid() ids.
import crypto from "node:crypto";

export const newId = () => `c${BigInt(`0x${crypto.randomBytes(16).toString("hex")}`).toString(36).padStart(24, "0").slice(0, 24)}`;
