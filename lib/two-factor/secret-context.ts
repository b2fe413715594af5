/** The associated data that binds a sealed TOTP secret to its owner (see lib/crypto/secret-box.ts). */
export function totpSecretContext(userId: string): string {
  return `totp-secret:${userId}`;
}
