// The sentence an employee's timeline shows for their part in a Groups request (lib/employees/timeline.ts).
import { describe, expect, it } from "vitest";
import { groupChangeSummary } from "@/lib/employees/timeline";

describe("groupChangeSummary", () => {
  it("says what happened to the membership, then the role it changed", () => {
    expect(groupChangeSummary({ groupName: "Sales", membership: "added", roleChange: null })).toBe("Added to group Sales");
    expect(groupChangeSummary({ groupName: "Sales", membership: "added", roleChange: "role Member → Sales Lead (from group 'Sales' rule)" })).toBe(
      "Added to group Sales — role Member → Sales Lead (from group 'Sales' rule)",
    );
    expect(groupChangeSummary({ groupName: "Sales", membership: "removed", roleChange: null })).toBe("Removed from group Sales");
  });

  it("says when the group itself was deleted, and names a group whose rename changed a role", () => {
    expect(groupChangeSummary({ groupName: "Sales", membership: "removed", roleChange: null, groupDeleted: true })).toBe("Removed from group Sales (the group was deleted)");
    expect(groupChangeSummary({ groupName: "Sales EMEA", membership: null, roleChange: "role Sales Lead → Member (default role)" })).toBe("Group Sales EMEA — role Sales Lead → Member (default role)");
  });
});
