// Input for employees created in Muster (by hand or from a CSV row). Shared by the form and the
// server, which validates again.
import { z } from "zod";

const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep the ${label} under ${max} characters` })
    .nullish()
    .transform((v) => (v ? v : null));

export const ZEmployeeEmail = z
  .string({ error: "Enter an email address" })
  .trim()
  .min(1, { error: "Enter an email address" })
  .max(254, { error: "An email address has at most 254 characters" })
  .pipe(z.email({ error: "Enter a valid email address" }));

export const ZNewEmployee = z.object({
  name: z.string({ error: "Enter the employee's name" }).trim().min(1, { error: "Enter the employee's name" }).max(200, { error: "Keep the name under 200 characters" }),
  email: ZEmployeeEmail,
  title: optionalText("job title"),
  department: optionalText("department"),
  location: optionalText("location"),
  phone: optionalText("phone number", 50),
});
export type TNewEmployee = z.infer<typeof ZNewEmployee>;
