/** bcrypt cost for stored password hashes (about 0.4 s a compare on this project's 2-core machines). */
export const BCRYPT_COST = 12;
