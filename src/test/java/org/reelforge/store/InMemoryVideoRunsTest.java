package org.reelforge.store;

/** The contract on the in-memory store the engine's unit tests use. */
class InMemoryVideoRunsTest extends VideoRunsContract {
    @Override
    @SuppressWarnings("unchecked")
    InMemoryVideoRuns store() {
        return new InMemoryVideoRuns();
    }
}
