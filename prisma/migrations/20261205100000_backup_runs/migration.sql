-- One row per database backup (daily job or npm run db:backup), written when the backup ends.
CREATE TYPE "BackupStatus" AS ENUM ('SUCCEEDED', 'FAILED');

CREATE TABLE "BackupRun" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "BackupStatus" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "fileName" TEXT,
    "bytes" BIGINT,
    "error" TEXT,
    CONSTRAINT "BackupRun_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "BackupRun_status_finishedAt_idx" ON "BackupRun"("status", "finishedAt");
CREATE INDEX "BackupRun_finishedAt_idx" ON "BackupRun"("finishedAt");
