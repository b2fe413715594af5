import 'server-only';
import { db } from '@/lib/db';

export type OfficeOverview = {
  name: string;
  twoFactorRequired: boolean;
  twoFactorGraceDays: number;
  twoFactorDeadline: Date | null;
};

/**
 * The office admin's view of their own office: its settings. The members are listed a page at a
 * time by listOfficeMembers (an office can have hundreds).
 */
export async function getOfficeOverview(officeId: string): Promise<OfficeOverview> {
  const office = await db.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { name: true, twoFactorRequired: true, twoFactorGraceDays: true, twoFactorDeadline: true },
  });
  return {
    name: office.name,
    twoFactorRequired: office.twoFactorRequired,
    twoFactorGraceDays: office.twoFactorGraceDays,
    twoFactorDeadline: office.twoFactorRequired ? office.twoFactorDeadline : null,
  };
}
