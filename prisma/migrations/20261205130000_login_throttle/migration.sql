-- Sign-in throttling by (account, client address) with growing delays, per address and per account
-- (lib/auth/login-throttle.ts); password-reset codes made by a background job, once per job.

CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "email" TEXT,
    "failures" INTEGER NOT NULL,
    "firstFailureAt" TIMESTAMPTZ(3) NOT NULL,
    "lastFailureAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "LoginThrottle_email_idx" ON "LoginThrottle"("email");
CREATE INDEX "LoginThrottle_expiresAt_idx" ON "LoginThrottle"("expiresAt");

ALTER TABLE "PasswordResetOtp" ADD COLUMN "jobId" TEXT;
CREATE UNIQUE INDEX "PasswordResetOtp_jobId_key" ON "PasswordResetOtp"("jobId");
