-- What a request's business transaction made ("Order:<id>"), written in that transaction: a replay that
-- takes over a claim whose instance died after the commit answers from it instead of running the request again.
ALTER TABLE "IdempotencyKey" ADD COLUMN "resultRef" TEXT;
