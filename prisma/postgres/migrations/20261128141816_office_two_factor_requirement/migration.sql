-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "twoFactorDeadline" TIMESTAMP(3),
ADD COLUMN     "twoFactorGraceDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "twoFactorRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "twoFactorRequiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "officeJoinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "twoFactorDueBy" TIMESTAMP(3);

-- Existing users joined their office when they were created.
UPDATE "User" SET "officeJoinedAt" = "createdAt";
