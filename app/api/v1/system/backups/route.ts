// GET /api/v1/system/backups — the last database backup, the last successful one, and whether it is overdue
import { apiRoute } from "@/lib/http/route";
import { getBackupStatus } from "@/lib/system/get-backup-status";

export const GET = apiRoute(async ({ ctx }) => getBackupStatus(ctx));
