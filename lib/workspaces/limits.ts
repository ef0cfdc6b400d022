// The seat limit and the attributes a new employee must have, as the Settings form edits them;
// the server parses the same schema again.
import { z } from "zod";
import { REQUIRED_KEYS } from "@/lib/provisioning/required";

export const ZDirectoryLimits = z.object({
  seatLimit: z
    .number({ error: "Enter a whole number of seats, or leave it empty for no limit" })
    .int({ error: "Enter a whole number of seats" })
    .min(1, { error: "A limit needs at least 1 seat; leave it empty for no limit" })
    .max(1_000_000, { error: "Enter at most 1,000,000 seats" })
    .nullable(),
  requiredAttributes: z.array(z.enum(REQUIRED_KEYS, { error: "Pick attributes from the list" })).max(REQUIRED_KEYS.length),
});
export type TDirectoryLimits = z.infer<typeof ZDirectoryLimits>;
