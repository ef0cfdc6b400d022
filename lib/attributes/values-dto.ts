// Custom attribute values as pages show them: formatted text, and for a reference the employee it names.
import type { TAttributeType } from "./declaration";

export type TAttributeColumn = { key: string; label: string; type: TAttributeType };

export type TShownValue = { text: string; ref?: { id: string; name: string } };

/** One employee's values for the page: every declared attribute, in order, with its value or null. */
export type TEmployeeAttribute = TAttributeColumn & { value: TShownValue | null };

/** At most this many custom columns at once in the employee list. */
export const MAX_ATTRIBUTE_COLUMNS = 8;
