-- Pacing reads, per (user, skill), the instants the skill became done and stopped being done (epoch
-- milliseconds), instead of replaying the whole ProgressEvent log (5,000 rows for a long-time user).
ALTER TABLE "MilestoneProgress" ADD COLUMN "doneFlips" BIGINT[] NOT NULL DEFAULT ARRAY[]::BIGINT[];

-- Backfill from the log: every event whose done-ness differs before and after, in log order.
UPDATE "MilestoneProgress" mp
SET "doneFlips" = f.flips
FROM (
  SELECT "userId", "skillId",
    array_agg((extract(epoch FROM "occurredAt") * 1000)::bigint ORDER BY "occurredAt", id) AS flips
  FROM "ProgressEvent"
  WHERE ("fromStatus" = 'done') <> ("toStatus" = 'done')
  GROUP BY "userId", "skillId"
) f
WHERE mp."userId" = f."userId" AND mp."skillId" = f."skillId";

-- Kept in step by the database, whoever writes the log (the app, the seeds, the benchmarks). An event
-- for a skill with no progress row is a bug in the writer: refuse it rather than lose the flip.
CREATE FUNCTION "progress_event_done_flips"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "MilestoneProgress"
  SET "doneFlips" = array_append("doneFlips", (extract(epoch FROM NEW."occurredAt") * 1000)::bigint)
  WHERE "userId" = NEW."userId" AND "skillId" = NEW."skillId";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ProgressEvent for user % and skill % has no MilestoneProgress row', NEW."userId", NEW."skillId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "progress_event_done_flips" AFTER INSERT ON "ProgressEvent"
  FOR EACH ROW WHEN ((NEW."fromStatus" = 'done') <> (NEW."toStatus" = 'done'))
  EXECUTE FUNCTION "progress_event_done_flips"();
