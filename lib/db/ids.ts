// Row ids made by Muster itself (so a new employee's id is known before its insert, and raw
// multi-row inserts have ids). Like Prisma's cuid(): "c", then the time, then randomness, 25
// lower-case letters and digits. The time goes first so that new rows land at the end of each
// primary-key index — a random id would dirty a different index page with every insert, and
// every dirty page is written again at commit.
import crypto from "node:crypto";

let last = 0;
let counter = 0;

export const newId = () => {
  const now = Date.now();
  counter = now === last ? counter + 1 : 0;
  last = now;
  // 9 digits of time (base 36, good until the year 5188), 3 of counter, 12 random.
  const time = now.toString(36).padStart(9, "0");
  const count = (counter % 46656).toString(36).padStart(3, "0");
  const random = BigInt(`0x${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`).toString(36).padStart(13, "0").slice(-12);
  return `c${time}${count}${random}`;
};
