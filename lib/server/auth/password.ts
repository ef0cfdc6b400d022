// Admin passwords are hashed with Argon2id (memory-hard), via @node-rs/argon2's prebuilt binding.
import { hash, verify } from "@node-rs/argon2";

// OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export const verifyPassword = async (hashed: string | null | undefined, password: string) => {
  if (!hashed) return false;
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
};

// argon2id of a random string: never matches a real password. Checking an unknown account against
// it takes as long as checking a real one, so timing does not reveal which accounts exist.
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3Ee1sUxOVh7V6rKAHxO1dvwQdmmqSyzaTtHN4XUnRKg";
