import { say, type Sentence } from '../shared/say';

const MIN_PASSWORD_LENGTH = 10;
// bcrypt reads at most 72 bytes; anything after would be silently ignored, so refuse it.
const MAX_PASSWORD_BYTES = 72;

// Loaded when a password is first set, not at every start: the package unpacks its dictionaries
// as it loads.
let common: Promise<Set<string>> | undefined;
const commonPasswords = () =>
  (common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()))));

/** Why a new password is not acceptable, or undefined when it is. */
export async function passwordProblem(password: string, email?: string): Promise<Sentence | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return say`Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) return say`Use at most 72 characters (fewer with accented letters or symbols)`;
  if (password.trim() !== password) return say`The password may not start or end with a space`;
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower)) return say`This password is on the list of commonly used passwords; choose another`;
  if (email && (lower === email.toLowerCase() || lower === email.split('@')[0]?.toLowerCase())) {
    return say`Do not use your email address as the password`;
  }
  return undefined;
}
