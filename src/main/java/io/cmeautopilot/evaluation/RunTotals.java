package io.cmeautopilot.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A run's figures summed over its chunks: while it goes on (progress) and when it finishes (the record). */
final class RunTotals {

    static final int MAX_FAILURES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<Map<String, RuleStats>> STATS = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> FAILURES = new TypeReference<>() {
    };
    private static final TypeReference<List<RunView.ProposalView>> SAMPLE = new TypeReference<>() {
    };

    int chunksTotal;
    int chunksDone;
    int chunksFailed;
    int chunksCancelled;
    int accounts;
    int autoResolved;
    final Map<String, RuleStats> stats = new TreeMap<>();
    final List<Map<String, Object>> failures = new ArrayList<>();
    final List<RunView.ProposalView> sample = new ArrayList<>();

    static RunTotals of(Connection c, long runId) throws SQLException {
        RunTotals t = new RunTotals();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, status, accounts, auto_resolved, stats, failures, sample, error
                FROM evaluation_chunks WHERE run_id = ? ORDER BY seq""")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    t.add(rs);
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable chunk figures of run " + runId, e);
        }
        return t;
    }

    /** The chunks counted and their time summed: all a finished run needs besides its record. */
    record Counts(RunView.Progress progress, RunView.Work work) {
    }

    static Counts countsOf(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE status = 'DONE'), "
                + "count(*) FILTER (WHERE status = 'FAILED'), count(*) FILTER (WHERE status = 'CANCELLED'), "
                + "coalesce(sum(snapshot_ms), 0), "
                + "coalesce(sum(engine_ms), 0), coalesce(sum(write_ms), 0) FROM evaluation_chunks WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(new RunView.Progress(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)),
                        new RunView.Work(rs.getLong(5), rs.getLong(6), rs.getLong(7)));
            }
        }
    }

    private void add(ResultSet rs) throws SQLException, com.fasterxml.jackson.core.JsonProcessingException {
        chunksTotal++;
        switch (rs.getString("status")) {
            case "DONE" -> chunksDone++;
            case "FAILED" -> {
                chunksFailed++;
                addFailure(Map.of("chunk", rs.getInt("seq"), "error", String.valueOf(rs.getString("error"))));
            }
            case "CANCELLED" -> chunksCancelled++;
            default -> {
                // still open: counted in chunksTotal only
            }
        }
        accounts += rs.getInt("accounts");
        autoResolved += rs.getInt("auto_resolved");
        JSON.readValue(rs.getString("stats"), STATS).forEach((rule, s) -> stats.merge(rule, s, RuleStats::plus));
        JSON.readValue(rs.getString("failures"), FAILURES).forEach(this::addFailure);
        String chunkSample = rs.getString("sample");
        if (chunkSample != null && sample.size() < ChunkOutcome.SAMPLE_SIZE) {
            List<RunView.ProposalView> more = JSON.readValue(chunkSample, SAMPLE);
            sample.addAll(more.subList(0, Math.min(more.size(), ChunkOutcome.SAMPLE_SIZE - sample.size())));
        }
    }

    private void addFailure(Map<String, Object> failure) {
        if (failures.size() < MAX_FAILURES && !failures.contains(failure)) {
            failures.add(failure);
        }
    }

    RunView.Progress progress() {
        return new RunView.Progress(chunksTotal, chunksDone, chunksFailed, chunksCancelled);
    }
}
