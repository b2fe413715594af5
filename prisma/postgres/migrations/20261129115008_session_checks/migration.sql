-- CreateTable
CREATE TABLE "SessionCheck" (
    "sessionId" TEXT NOT NULL,
    "secondFactorAt" TIMESTAMP(3),
    "passwordAt" TIMESTAMP(3),

    CONSTRAINT "SessionCheck_pkey" PRIMARY KEY ("sessionId")
);

-- AddForeignKey
ALTER TABLE "SessionCheck" ADD CONSTRAINT "SessionCheck_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
