// The admin's card editor: the card as the server sends it, and the change to one field the browser sends back.
import { z } from "zod";
import type { TCardSource } from "@/lib/provisioning/card-fields";

export type TCardFieldDto = {
  key: string;
  label: string;
  value: string | null;
  onCard: boolean;
  /** Where the value comes from (lib/provisioning/card-fields.ts); null when the card lacks the field. */
  source: TCardSource | null;
  locked: boolean;
  /** The value the card's template sets for this field, if it sets one. */
  templateValue: string | null;
  /** The IdP's current value, when the workspace applies this IdP attribute. */
  idpValue: string | null;
  /** Can follow the IdP: an IdP attribute the workspace applies (or an on-card custom attribute). */
  fromIdp: boolean;
  /** An IdP attribute a workspace setting keeps off cards. */
  switchedOff: boolean;
  updatedAt: string | null;
};

export type TCardDto = {
  employee: { id: string; name: string; status: string; idpOwned: boolean };
  template: { id: string; name: string } | null;
  /** false while the card shows the untouched profile and has no rows yet. */
  saved: boolean;
  fields: TCardFieldDto[];
  values: Record<string, string | null>;
  /** Labels of custom attribute fields ("attr.badgeId" → "Badge ID"), for the card preview. */
  labels: Record<string, string>;
};

export const ZCardFieldChange = z.discriminatedUnion("action", [
  z.object({ action: z.literal("edit"), value: z.string().trim().max(1000, { error: "A field value has at most 1,000 characters" }) }),
  z.object({ action: z.literal("unlock") }),
  z.object({ action: z.literal("lock") }),
  z.object({ action: z.literal("relink") }),
  z.object({ action: z.literal("inherit") }),
]);
export type TCardFieldChange = z.infer<typeof ZCardFieldChange>;
