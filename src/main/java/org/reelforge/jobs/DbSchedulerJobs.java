package org.reelforge.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.reelforge.pipeline.Engine;
import org.reelforge.pipeline.JobQueue;
import org.reelforge.pipeline.Monitor;
import org.reelforge.video.VideoId;

/**
 * The durable job queue on db-scheduler, in the same database as the videos: one task instance
 * {@code advance/<videoId>} per video that reschedules itself to the time {@link Engine#advance} asks for,
 * and the recurring {@code check-and-retry} that restores lost runs. Several processes (CLI, server, workers)
 * may run schedulers on one database: db-scheduler runs each instance on one of them at a time, and a dead
 * worker's executions are picked up after its heartbeats stop (seconds, not db-scheduler's default 30 min: see
 * {@link WorkerSettings}). {@link #close} stops taking new runs, lets running ones finish within the shutdown grace,
 * then interrupts the rest; their rows stay picked by this node, so another node takes them over once the heartbeats
 * are missed.
 */
public final class DbSchedulerJobs implements JobQueue, AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DbSchedulerJobs.class);
    private static final String ADVANCE = "advance";
    private final DataSource dataSource;
    private final JdbcCustomization jdbc;
    private final AtomicReference<Engine> engine = new AtomicReference<>();
    private final AtomicReference<Monitor> monitor = new AtomicReference<>();
    private final Map<VideoId, Instant> wakeRequests = new ConcurrentHashMap<>();
    private final CustomTask<Void> advance;
    private final SchedulerClient client;
    private final WorkerSettings liveness;
    private Scheduler scheduler;

    /** With the {@link WorkerSettings} of this process's environment. */
    public DbSchedulerJobs(DataSource dataSource, boolean sqlite) {
        this(dataSource, sqlite, WorkerSettings.fromEnvironment(System.getenv()));
    }

    public DbSchedulerJobs(DataSource dataSource, boolean sqlite, WorkerSettings liveness) {
        this.dataSource = dataSource;
        this.liveness = liveness;
        this.jdbc = sqlite ? new SqliteJdbcCustomization() : new AutodetectJdbcCustomization(dataSource, true);
        this.advance = Tasks.custom(ADVANCE, Void.class).execute((instance, context) -> run(new VideoId(instance.getId())));
        this.client = SchedulerClient.Builder.create(dataSource, advance).jdbcCustomization(jdbc).build();
    }

    private CompletionHandler<Void> run(VideoId id) {
        wakeRequests.remove(id);
        Optional<Instant> next = Optional.ofNullable(engine.get()).flatMap(e -> e.advance(id));
        Instant woken = wakeRequests.remove(id);
        if (woken != null) {
            next = Optional.of(next.filter(n -> n.isBefore(woken)).orElse(woken));
        }
        if (next.isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Instant at = next.get();
        return (complete, operations) -> operations.reschedule(complete, at);
    }

    /**
     * Starts executing runs in this process with {@code threads} workers.
     *
     * @param name shown in the task table as the worker holding a run
     */
    public synchronized void start(Engine e, Monitor m, Duration monitorInterval, int threads, String name) {
        engine.set(e);
        monitor.set(m);
        RecurringTask<Void> sweep = Tasks.recurring("check-and-retry", FixedDelay.of(monitorInterval))
                .execute((instance, context) -> monitor.get().ensureRunsPlanned());
        scheduler = Scheduler.create(dataSource, List.of(advance))
                .startTasks(sweep)
                .threads(threads)
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(liveness.heartbeatInterval())
                .missedHeartbeatsLimit(liveness.missedHeartbeats())
                .jdbcCustomization(jdbc)
                .alwaysPersistTimestampInUTC()
                .pollUsingFetch(0.5, 1.0)
                .enableImmediateExecution()
                .schedulerName(new SchedulerName.Fixed(name))
                .shutdownMaxWait(liveness.shutdownGrace())
                .build();
        scheduler.start();
    }

    @Override
    public void schedule(VideoId id, Instant at) {
        TaskInstance<Void> instance = advance.instance(id.value());
        try {
            client.schedule(instance, at, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (RuntimeException e) {
            LOG.debug("{}: run in progress, it will look again at {} ({})", id, at, e.getMessage());
            wakeRequests.merge(id, at, (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    @Override
    public void ensureScheduled(VideoId id, Instant at) {
        client.scheduleIfNotExists(advance.instance(id.value()), at);
    }

    /** Heartbeats and shutdown grace of this node's scheduler. */
    public WorkerSettings liveness() {
        return liveness;
    }

    /** When the next run of a video is planned, if any (for status displays and tests). */
    public Optional<Instant> plannedRun(VideoId id) {
        return client.getScheduledExecution(com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(ADVANCE, id.value()))
                .map(e -> e.getExecutionTime());
    }

    /** True while this process executes runs (between {@link #start} and {@link #close}). */
    public synchronized boolean isRunning() {
        return scheduler != null && scheduler.getSchedulerState().isStarted() && !scheduler.getSchedulerState().isShuttingDown();
    }

    /** How many videos have a run planned (waiting or executing), on any node: the queue depth. */
    public int plannedRuns() {
        return client.getScheduledExecutionsForTask(ADVANCE).size();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }
}
