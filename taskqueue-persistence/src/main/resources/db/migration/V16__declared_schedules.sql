-- Schedules an application declares in code (@Recurring on a handler class). declared_by names that
-- class (null for schedules made through the API or the console); retired_at is when a deployment
-- that runs the schedule's job type stopped declaring it, which paused it. Nullable columns
-- without defaults: adding them rewrites nothing.
ALTER TABLE schedules ADD COLUMN declared_by varchar(300), ADD COLUMN retired_at timestamptz;
