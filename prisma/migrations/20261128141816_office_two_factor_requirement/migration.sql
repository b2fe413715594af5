-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Office" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "twoFactorRequired" BOOLEAN NOT NULL DEFAULT false,
    "twoFactorGraceDays" INTEGER NOT NULL DEFAULT 0,
    "twoFactorRequiredAt" DATETIME,
    "twoFactorDeadline" DATETIME
);
INSERT INTO "new_Office" ("createdAt", "id", "name") SELECT "createdAt", "id", "name" FROM "Office";
DROP TABLE "Office";
ALTER TABLE "new_Office" RENAME TO "Office";
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'USER',
    "officeId" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "codeFailures" INTEGER NOT NULL DEFAULT 0,
    "codeLockedUntil" DATETIME,
    "lastSignInAt" DATETIME,
    "officeJoinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "twoFactorDueBy" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Existing users joined their office when they were created.
INSERT INTO "new_User" ("codeFailures", "codeLockedUntil", "createdAt", "email", "id", "lastSignInAt", "name", "officeId", "passwordHash", "role", "sessionVersion", "updatedAt", "officeJoinedAt") SELECT "codeFailures", "codeLockedUntil", "createdAt", "email", "id", "lastSignInAt", "name", "officeId", "passwordHash", "role", "sessionVersion", "updatedAt", "createdAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_officeId_idx" ON "User"("officeId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
