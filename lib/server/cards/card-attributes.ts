// Custom attributes on an employee's card: each declared attribute with onCard is the card field
// "attr.<key>", labelled with the attribute's label and valued with the employee's value as people
// read it (a reference as the employee's name). A card without a row for it shows that value,
// linked and locked, like an untouched IdP field.
import "server-only";
import { cardFieldKey } from "@/lib/attributes/declaration";
import { employeeAttributes } from "@/lib/server/attributes/list-attribute-values";

export type TCardAttribute = { field: string; label: string; value: string | null };

/** The employee's on-card attributes, in the workspace's order. */
export const cardAttributes = async (workspaceId: string, employeeId: string, onCardKeys?: Set<string>): Promise<TCardAttribute[]> => {
  const all = await employeeAttributes(workspaceId, employeeId, { onCardOnly: true });
  return all.filter((a) => !onCardKeys || onCardKeys.has(a.key)).map((a) => ({ field: cardFieldKey(a.key), label: a.label, value: a.value?.text ?? null }));
};
