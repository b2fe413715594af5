import 'server-only';
import { db } from '@/lib/db';

export type LoginMethod = 'key' | 'app' | 'recovery-code';

/** Which second factors the user can use at login (S24): the verify page offers only those (recovery codes always). */
export async function loginMethods(userId: string): Promise<{ key: boolean; app: boolean }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpCredential: { select: { id: true } }, _count: { select: { webAuthnCredentials: true } } },
  });
  return { key: user._count.webAuthnCredentials > 0, app: !!user.totpCredential };
}
