// The secret that signs admin sessions. Taken from NEXTAUTH_SECRET; in the embedded mode a random
// one is generated once and kept in ./data so that a fresh clone needs no configuration.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, dbConfig } from "@/lib/db/config";

let cached: string | undefined;

export const authSecret = (): string => {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (cached) return cached;
  if (dbConfig().flavor === "postgres" && process.env.NODE_ENV === "production") {
    // Instances behind a load balancer must share one secret, or sessions break between them.
    throw new Error("NEXTAUTH_SECRET must be set when Muster runs on PostgreSQL in production");
  }
  const file = path.join(dataDir(), "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err; // another process won the race
    }
  }
  cached = fs.readFileSync(file, "utf8").trim();
  return cached;
};
