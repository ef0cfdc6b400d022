import { describe, expect, it } from "vitest";
import { cardDifferences, describeDifference, type TSourcedCardField } from "@/lib/cards/card-differences";


describe("cardDifferences", () => {
  const sourced = (key: string, value: string | null, source: TSourcedCardField["source"], over: Partial<TSourcedCardField> = {}): TSourcedCardField => ({
    key,
    value,
    onCard: true,
    switchedOff: false,
    source,
    ...over,
  });

  it("says nothing where the card and the profile agree (blank and missing alike)", () => {
    const diff = cardDifferences({ title: "Analyst", phone: null, mobile: "  " }, [sourced("title", "Analyst", "idp"), sourced("phone", "", "muster"), sourced("mobile", null, "muster", { onCard: false })], null);
    expect(diff.size).toBe(0);
  });

  it("names a value set in Muster and one from the template, with the template's name", () => {
    const diff = cardDifferences(
      { department: "Sales", company: "Acme", title: "Analyst" },
      [sourced("department", "Sales EMEA", "muster"), sourced("company", "Acme Inc.", "template"), sourced("title", "Analyst", "idp")],
      { name: "Sales" },
    );
    expect([...diff.keys()]).toEqual(["department", "company"]);
    expect(describeDifference(diff.get("department")!)).toBe("Card shows “Sales EMEA” (set in Muster)");
    expect(describeDifference(diff.get("company")!)).toBe("Card shows “Acme Inc.” (from template “Sales”)");
  });

  it("an emptied card field and a linked field that lags behind are differences too", () => {
    const diff = cardDifferences({ phone: "+1 555", manager: "Grace Hopper" }, [sourced("phone", null, "muster"), sourced("manager", "Alan Turing", "idp")], null);
    expect(describeDifference(diff.get("phone")!)).toBe("Card leaves it empty (set in Muster)");
    expect(describeDifference(diff.get("manager")!)).toBe("Card shows “Alan Turing” (from the identity provider)");
  });

  it("a field the workspace does not apply says which setting keeps it off; any other missing field just says so", () => {
    const diff = cardDifferences(
      { department: "Sales", location: "Berlin", phone: null },
      [sourced("department", null, "muster", { onCard: false, switchedOff: true }), sourced("location", null, "muster", { onCard: false }), sourced("phone", null, "muster", { onCard: false })],
      null,
    );
    expect(diff.get("department")).toEqual({ key: "department", kind: "switchedOff", attribute: "department" });
    expect(describeDifference(diff.get("department")!)).toBe("Not on the card: the workspace does not apply department");
    expect(describeDifference(diff.get("location")!)).toBe("Not on the card");
    expect(diff.has("phone")).toBe(false);
  });

  it("ignores profile keys the card does not lay out", () => {
    expect(cardDifferences({ employeeNumber: "1042" }, [], null).size).toBe(0);
  });
});
