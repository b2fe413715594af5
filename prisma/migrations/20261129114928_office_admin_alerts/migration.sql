-- CreateTable
CREATE TABLE "OfficeAlertPreference" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "alertsOn" BOOLEAN NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MemberAlertMarker" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "lastAlertAt" DATETIME
);
