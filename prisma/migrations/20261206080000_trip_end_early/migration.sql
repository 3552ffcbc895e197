-- A trip brought back before every stop was visited (breakdown, weather, the driver taken ill): the stops
-- not reached are SKIPPED, and their goods go back to the depot, ready for another trip.
ALTER TYPE "StopStatus" ADD VALUE IF NOT EXISTS 'SKIPPED';
