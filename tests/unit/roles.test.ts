// The roles contract shared by the Roles page and the routes: a role's key, its input, the words
// an employee reads.
import { describe, expect, it } from "vitest";
import { parseCapabilities } from "@/lib/roles/roles";
import { holdersText, roleKeyOf, roleSourceLabel, ZRoleInput } from "@/lib/roles/schemas";

describe("roleKeyOf", () => {
  it.each([
    ["Sales Lead", "SALES_LEAD"],
    ["  sales   lead  ", "SALES_LEAD"],
    ["Développeur·euse", "DEVELOPPEUR_EUSE"],
    ["R&D / Labs", "R_D_LABS"],
    ["!!!", "ROLE"],
    ["x".repeat(80), "X".repeat(40)],
  ])("%s → %s", (name, key) => expect(roleKeyOf(name)).toBe(key));
});

describe("ZRoleInput", () => {
  it("trims, defaults and orders capabilities as the fixed list does", () => {
    expect(ZRoleInput.parse({ name: " Intern ", capabilities: ["listed", "colleagues", "listed"] })).toEqual({ name: "Intern", description: "", capabilities: ["colleagues", "listed"] });
  });
  it("refuses an empty name, a long description and unknown capabilities", () => {
    expect(ZRoleInput.safeParse({ name: "  " }).error?.issues[0]?.message).toBe("Give the role a name");
    expect(ZRoleInput.safeParse({ name: "A", description: "x".repeat(301) }).error?.issues[0]?.message).toBe("Keep the description under 300 characters");
    expect(ZRoleInput.safeParse({ name: "A", capabilities: ["admin"] }).success).toBe(false);
  });
});

describe("wording", () => {
  it("counts holders in plain English", () => {
    expect(holdersText(1, "Guest")).toBe("1 employee holds Guest");
    expect(holdersText(1200, "Member")).toBe("1,200 employees hold Member");
  });
  it("names where a role came from, with the default for anything unknown", () => {
    expect(roleSourceLabel("idp")).toBe("From the identity provider");
    expect(roleSourceLabel("admin")).toBe("Set by an admin");
    expect(roleSourceLabel("???")).toBe("The workspace's default role");
  });
  it("reads stored capabilities tolerantly", () => {
    expect(parseCapabilities('["listed","bogus","editCard"]')).toEqual(["editCard", "listed"]);
    expect(parseCapabilities("not json")).toEqual([]);
  });
});
