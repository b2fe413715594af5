-- CreateTable
CREATE TABLE "SessionCheck" (
    "sessionId" TEXT NOT NULL PRIMARY KEY,
    "secondFactorAt" DATETIME,
    "passwordAt" DATETIME,
    CONSTRAINT "SessionCheck_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
