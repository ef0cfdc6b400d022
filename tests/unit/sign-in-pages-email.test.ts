import { describe, expect, it } from "vitest";
import { LINK_PLACEHOLDER, signInPagesEmail } from "@/lib/server/email/render-email";
import { signInPagePath, signInPageUrl } from "@/lib/employee-access/sign-in-page";

const acme = { workspaceName: "Acme <Inc>", url: "https://muster.example.com/e/acme/sign-in", activated: true };
const globex = { workspaceName: 'Globex "West"', url: "https://muster.example.com/e/globex/sign-in", activated: false };

describe("the workspace finder's email", () => {
  it("one company: the subject names it, one button to its sign-in page", () => {
    const mail = signInPagesEmail({ pages: [acme] });
    expect(mail.subject).toBe("Your sign-in page for Acme <Inc>");
    expect(mail.text).toContain(`Go to the Acme <Inc> sign-in page:\n${acme.url}`);
    expect(mail.text).toContain("Bookmark this page");
    expect(mail.html.match(/href="https:\/\/muster\.example\.com\/e\/acme\/sign-in"/g)).toHaveLength(2); // the button and the copyable link
    expect(mail.html).toContain("Acme &lt;Inc&gt;");
    expect(mail.html).not.toContain("Acme <Inc>");
  });

  it("several companies: each with its page, in order; one not activated yet says what to do first", () => {
    const mail = signInPagesEmail({ pages: [acme, globex] });
    expect(mail.subject).toBe("Your sign-in pages in Muster");
    expect(mail.text).toContain("an employee of 2 companies");
    expect(mail.text.indexOf(acme.url)).toBeLessThan(mail.text.indexOf(globex.url));
    const globexPart = mail.text.slice(mail.text.indexOf('Globex "West"'));
    expect(globexPart).toContain('Your Globex "West" account is not activated yet');
    expect(globexPart).toContain("ask your Globex \"West\" admin to send a new one");
    expect(mail.html).toContain("Globex &quot;West&quot;");
  });

  it("holds no one-time link: the pages are plain addresses", () => {
    const mail = signInPagesEmail({ pages: [acme, globex] });
    expect(mail.html).not.toContain(LINK_PLACEHOLDER);
    expect(mail.text).not.toContain(LINK_PLACEHOLDER);
  });

  it("the sign-in page's address", () => {
    expect(signInPagePath("acme-inc")).toBe("/e/acme-inc/sign-in");
    expect(signInPageUrl("https://muster.example.com", "acme-inc")).toBe("https://muster.example.com/e/acme-inc/sign-in");
  });
});
