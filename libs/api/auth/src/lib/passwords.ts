import { randomInt } from 'node:crypto';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes), above OWASP's minimum. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password an administrator hands over once: 20 characters, about 115 bits. */
export function temporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 20; i++) {
    out += ALPHABET[randomInt(ALPHABET.length)];
    if (i % 5 === 4 && i < 19) out += '-';
  }
  return out;
}
