// Seats: employees who are not archived. A workspace may cap them (Workspace.seatLimit); what the
// refusal says, to the IdP's admin (the SCIM detail Entra ID and Okta show in their logs) and in
// the dashboard. Pure; lib/server/provisioning/check-seats.ts counts and refuses.

/** The share of the limit from which the dashboard warns. */
export const SEAT_WARNING = 0.9;

export const seatLimitDetail = (limit: number, used: number, adding = 1) =>
  `Seat limit reached: this workspace allows ${limit} employee${limit === 1 ? "" : "s"} who are not archived and has ${used}${adding > 1 ? `; ${adding} more were asked for` : ""}. Nothing was written. A Muster admin can raise the limit in Settings, or archive employees who left; the IdP's next provisioning cycle then retries this user.`;

/** The same refusal for an admin in the dashboard. */
export const seatLimitMessage = (limit: number, used: number, adding = 1) =>
  `Seat limit reached: ${used} of ${limit} seats are taken${adding > 1 ? ` and this would add ${adding}` : ""}. Raise the limit in Settings, or archive employees who left, then try again.`;
