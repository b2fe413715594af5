-- CreateTable
CREATE TABLE "TwoFactorReminder" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TwoFactorReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficeReminderSend" (
    "officeId" TEXT NOT NULL,
    "lastSentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficeReminderSend_pkey" PRIMARY KEY ("officeId")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "TwoFactorReminder_userId_deadline_kind_key" ON "TwoFactorReminder"("userId", "deadline", "kind");

-- AddForeignKey
ALTER TABLE "TwoFactorReminder" ADD CONSTRAINT "TwoFactorReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficeReminderSend" ADD CONSTRAINT "OfficeReminderSend_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

