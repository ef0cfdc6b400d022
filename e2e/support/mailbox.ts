// The e2e inbox: every email the app sent, as the SMTP server on loopback received it (serve.mjs).
import { expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { E2E_DATA_DIR } from "../../playwright.config";
import { parseMail } from "../../tests/support/smtp";

export type Mail = { to: string[]; subject: string; text: string };

export const mailsTo = (address: string): Mail[] => {
  const dir = path.join(E2E_DATA_DIR, "mail");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { to: string[]; raw: string })
    .filter((m) => m.to.includes(address.toLowerCase()) || m.to.includes(address))
    .map((m) => ({ to: m.to, ...parseMail(m.raw) }));
};

/** Waits for the newest email to `address` whose subject contains `subject`, and returns its link that starts with `prefix`. */
export const linkFromInbox = async (address: string, subject: string, prefix: string): Promise<string> => {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const mail = mailsTo(address).filter((m) => m.subject.includes(subject)).pop();
        link = mail ? new RegExp(`https?://\\S+${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\S*`).exec(mail.text)?.[0] : undefined;
        return link;
      },
      { message: `an email to ${address} about "${subject}"`, timeout: 20_000 },
    )
    .toBeTruthy();
  return link!;
};
