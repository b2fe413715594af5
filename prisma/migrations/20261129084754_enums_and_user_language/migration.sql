-- Roles, session stages and audit outcomes became Prisma enums: SQLite stores them as TEXT, as
-- before, so their columns do not change here (the client checks the values; PostgreSQL's
-- migration of the same name makes them enum types).

-- AlterTable: the user's language and time zone (not used yet).
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
