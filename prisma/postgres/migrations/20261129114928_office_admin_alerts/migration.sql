-- CreateTable
CREATE TABLE "OfficeAlertPreference" (
    "userId" TEXT NOT NULL,
    "alertsOn" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficeAlertPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "MemberAlertMarker" (
    "userId" TEXT NOT NULL,
    "lastAlertAt" TIMESTAMP(3),

    CONSTRAINT "MemberAlertMarker_pkey" PRIMARY KEY ("userId")
);
