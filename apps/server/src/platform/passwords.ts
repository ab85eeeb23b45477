import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
  /** A random one-time password that satisfies the password policy. */
  generate(): string;
}

const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, OPTIONS),
  verify: (hashed, password) => verify(hashed, password).catch(() => false),
  generate() {
    const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;
    const chars = Array.from({ length: 14 }, (_, i) => pick(i % 4 === 3 ? DIGITS : LETTERS));
    return `${chars.slice(0, 7).join('')}-${chars.slice(7).join('')}`;
  },
};
