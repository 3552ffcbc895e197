// OpenAPI entries of the deployment-level routes under /api/v1/system.
import type { Operation } from "@/lib/http/openapi-operation";

const backupRun = {
  type: ["object", "null"],
  properties: {
    id: { type: "string" },
    trigger: { enum: ["schedule", "manual"] },
    status: { enum: ["SUCCEEDED", "FAILED"] },
    startedAt: { type: "string", format: "date-time" },
    finishedAt: { type: "string", format: "date-time" },
    fileName: { type: ["string", "null"] },
    bytes: { type: ["integer", "null"] },
    error: { type: ["string", "null"] },
  },
};

const backupStatus = {
  title: "BackupStatus",
  type: "object",
  properties: {
    lastRun: backupRun,
    lastSuccess: backupRun,
    stale: { type: "boolean", description: "No successful backup yet, or the last one is older than staleAfterHours" },
    staleAfterHours: { type: "integer" },
    schedule: { type: "string" },
    retentionDays: { type: "integer", description: "Backups older than this are deleted; 0 keeps all" },
    directory: { type: "string", description: "BACKUP_DIR on the machine that runs the job" },
  },
};

export const systemOperations: Operation[] = [
  {
    method: "get",
    path: "/system/backups",
    tag: "System",
    summary: "The deployment's database backups: the last run, the last successful one, and whether it is overdue",
    description: "Owners and admins (system.backups.read). The daily backup job and `npm run db:backup` record a run each.",
    auth: true,
    response: { status: 200, description: "Backup status", schema: backupStatus },
  },
];
