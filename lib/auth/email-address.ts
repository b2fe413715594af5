/** E-mail addresses: one normal form and one length limit, for every lookup, key and form field. */

/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets, so an address at most 254. */
export const EMAIL_MAX_LENGTH = 254;

/** The form in which addresses are looked up and keyed: no surrounding spaces, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
