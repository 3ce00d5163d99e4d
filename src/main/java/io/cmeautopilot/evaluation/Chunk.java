package io.cmeautopilot.evaluation;

/** One claimed chunk of a run: its accounts are an explicit id list or an id range filtered by the run's scope. */
record Chunk(long runId, int seq, Long[] accountIds, Long firstId, Long lastId, int attempt) {

    @Override
    public String toString() {
        return "chunk " + seq + " of run " + runId;
    }
}
