import 'server-only';
import QRCode from 'qrcode';
import { db } from '@/lib/db';
import { open } from '@/lib/crypto/secret-box';
import { env } from '@/lib/env';
import { totpUri } from './totp';
import { totpSecretContext } from './secret-context';

export type EnrolmentView = { qrSvg: string; key: string; uri: string };

/**
 * What the enrolment page shows the user themself: the QR code and the same key as text.
 * The only place a secret leaves lib/, and only for its owner's own unconfirmed enrolment.
 */
export async function readEnrolment(userId: string): Promise<EnrolmentView | null> {
  const row = await db.totpEnrolment.findUnique({
    where: { userId },
    select: { secretCiphertext: true, keyId: true, user: { select: { email: true } } },
  });
  if (!row) return null;
  const key = open({ ciphertext: row.secretCiphertext, keyId: row.keyId }, totpSecretContext(userId));
  const uri = totpUri({ issuer: env().APP_NAME, accountName: row.user.email, secret: key });
  // SVG: sharp at any zoom and print size, no image request, no script; quiet zone of 4 modules per the QR spec.
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#0f172a', light: '#ffffff' } });
  return { qrSvg, key, uri };
}

export async function hasPendingEnrolment(userId: string): Promise<boolean> {
  return (await db.totpEnrolment.count({ where: { userId } })) > 0;
}
