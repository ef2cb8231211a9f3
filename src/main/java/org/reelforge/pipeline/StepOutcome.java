package org.reelforge.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.reelforge.provider.ProviderCall;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.ErrorKind;

/** What a step of a run came to; the engine commits the run and schedules from it. */
sealed interface StepOutcome {
    /** The step finished (its success is recorded on the run): go on to the next one. */
    record Done() implements StepOutcome {
    }

    /** Nothing to do before {@code at} (a clip still generating, a relaunch later). */
    record WaitUntil(Instant at) implements StepOutcome {
    }

    /** Nothing to do until a person acts (the script awaits approval). */
    record Idle() implements StepOutcome {
    }

    /**
     * The step failed; {@link org.reelforge.video.RetryPolicy} decides whether the job runs again.
     *
     * @param retryAfter what a rate limit asked to wait; null when it did not say
     * @param billed     calls the provider billed on the way to the failure (a refused LLM reply's tokens)
     */
    record Fail(ErrorKind kind, ErrorCategory category, String reason, Duration retryAfter, List<ProviderCall> billed)
            implements StepOutcome {
        public Fail {
            billed = List.copyOf(billed);
        }

        public Fail(ErrorKind kind, ErrorCategory category, String reason) {
            this(kind, category, reason, null, List.of());
        }
    }

    static StepOutcome done() {
        return new Done();
    }
}
