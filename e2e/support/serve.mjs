// Serves the built app for Playwright on a fresh SQLite database (E2E_DATA_DIR is wiped first), with
// a real SMTP server on loopback that writes every email it receives to E2E_DATA_DIR/mail, where
// the tests read activation, sign-in and sign-up links like a person reads their inbox.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import smtpServer from "smtp-server";

const port = process.argv[2] ?? "3210";
const dir = process.env.E2E_DATA_DIR ?? path.resolve(".e2e/data");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(path.join(dir, "mail"), { recursive: true });

let received = 0;
const smtp = new smtpServer.SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      fs.writeFileSync(path.join(dir, "mail", `${Date.now()}-${String(++received).padStart(5, "0")}.json`), JSON.stringify(mail));
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = smtp.server.address().port;

const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
    MUSTER_DATA_DIR: dir,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    MUSTER_BASE_URL: `http://127.0.0.1:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Muster e2e <muster@e2e.test>",
    MUSTER_MAIL_WORKER_INTERVAL_MS: "500",
  },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => {
  smtp.close();
  process.exit(code ?? 0);
});
