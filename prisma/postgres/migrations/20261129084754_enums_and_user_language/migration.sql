-- Roles, session stages and audit outcomes become enums: the database refuses any other value.
-- Hand-edited: Prisma's draft dropped and re-added the columns (losing every row's value);
-- here each column is converted in place with USING, keeping its data.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'OFFICE_ADMIN', 'HELPDESK');

-- CreateEnum
CREATE TYPE "SessionStage" AS ENUM ('PENDING_2FA', 'ACTIVE');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'FAILURE', 'DENIED');

-- AlterTable: a type change rewrites the table; no row trigger fires (the append-only triggers stay quiet).
ALTER TABLE "AuditEvent" ALTER COLUMN "outcome" TYPE "AuditOutcome" USING "outcome"::"AuditOutcome";

-- AlterTable
ALTER TABLE "Session" ALTER COLUMN "stage" TYPE "SessionStage" USING "stage"::"SessionStage";

-- AlterTable: the text default cannot be cast with the column; it is set again for the enum.
ALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT,
ALTER COLUMN "role" TYPE "Role" USING "role"::"Role",
ALTER COLUMN "role" SET DEFAULT 'USER';

-- AlterTable: the user's language and time zone (not used yet).
ALTER TABLE "User" ADD COLUMN "locale" TEXT,
ADD COLUMN "timeZone" TEXT;
