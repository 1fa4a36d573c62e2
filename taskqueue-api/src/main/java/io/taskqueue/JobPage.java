package io.taskqueue;

import java.util.List;
import java.util.UUID;

/**
 * One page of {@link TaskQueue#list(JobQuery)}: jobs newest first. A listed job's {@code payload}
 * and {@code result} are null (a list reads neither); {@link TaskQueue#get(UUID)} reads them.
 *
 * @param jobs the jobs of this page
 * @param next the cursor for the next page ({@link JobQuery#before(UUID)}), or null when this page
 *     is the last
 */
public record JobPage(List<JobInfo> jobs, UUID next) {}
