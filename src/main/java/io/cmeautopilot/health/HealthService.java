package io.cmeautopilot.health;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Cursor;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.rules.api.HealthGrade;

/** Health scores as the API serves them: one account's (within the caller's book) and lists across accounts. */
@ApplicationScoped
public class HealthService {

    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_HISTORY_DAYS = 400;

    @Inject
    HealthScoreRepository scores;
    @Inject
    AccountLookup accounts;
    @Inject
    Clock clock;

    public HealthScoreView current(long accountId, Caller caller) {
        requireVisible(accountId, caller);
        return scores.current(accountId).orElseThrow(() -> notScored(accountId, "yet"));
    }

    public List<HealthScoreView> history(long accountId, String from, String to, boolean withMeasures, Caller caller) {
        requireVisible(accountId, caller);
        LocalDate last = date("to", to, today());
        LocalDate first = date("from", from, last.minusDays(90));
        if (first.isAfter(last)) {
            throw ProblemException.invalidField("from", "must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_HISTORY_DAYS) {
            throw ProblemException.invalidField("from", "the range may span at most " + MAX_HISTORY_DAYS + " days");
        }
        List<HealthScoreView> rows = scores.history(accountId, first, last);
        return withMeasures ? rows : rows.stream().map(HealthScoreView::withoutMeasures).toList();
    }

    /** The scores at the ends of two days compared (default: 30 days ago and today). */
    public ScoreChanges.Comparison changes(long accountId, String from, String to, Caller caller) {
        requireVisible(accountId, caller);
        LocalDate last = date("to", to, today());
        LocalDate first = date("from", from, last.minusDays(30));
        if (!first.isBefore(last)) {
            throw ProblemException.invalidField("from", "must be before to (" + last + ")");
        }
        HealthScoreView after = scores.at(accountId, endOf(last)).orElseThrow(() -> notScored(accountId, "by " + last));
        HealthScoreView before = scores.at(accountId, endOf(first)).orElseThrow(() -> notScored(accountId, "by " + first));
        return ScoreChanges.compare(before, after);
    }

    public Page<HealthListItem> byGrade(String gradeName, HealthScoreRepository.ListFilter filter, Caller caller,
            String cursor, int limit) {
        checkLimit(limit);
        HealthGrade grade = grade(gradeName);
        long after = cursor == null ? 0 : Cursor.decodeLong(cursor);
        List<HealthListItem> rows = scores.byGrade(grade, filter, caller, after, limit + 1);
        return page(rows, limit, last -> Cursor.encode(last.accountId()));
    }

    public Page<HealthListItem> largestDrops(int minDrop, HealthScoreRepository.ListFilter filter, Caller caller,
            String cursor, int limit) {
        checkLimit(limit);
        if (minDrop < 1 || minDrop > 100) {
            throw ProblemException.invalidField("minDrop", "must be between 1 and 100");
        }
        Integer afterDelta = null;
        long afterId = 0;
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                afterDelta = Integer.valueOf(keys.get(0));
                afterId = Long.parseLong(keys.get(1));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("cursor is not one this server issued; start again without a cursor");
            }
        }
        List<HealthListItem> rows = scores.largestDrops(minDrop, filter, caller, afterDelta, afterId, limit + 1);
        return page(rows, limit, last -> Cursor.encode(last.delta30d(), last.accountId()));
    }

    private static Page<HealthListItem> page(List<HealthListItem> rows, int limit,
            java.util.function.Function<HealthListItem, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<HealthListItem> items = rows.stream().limit(limit).toList();
        return new Page<>(items, more ? cursorOf.apply(items.get(items.size() - 1)) : null);
    }

    private static HealthGrade grade(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return HealthGrade.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("grade", "must be one of GREEN, YELLOW, RED");
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    void requireVisible(long accountId, Caller caller) {
        if (!accounts.visible(accountId, caller)) {
            throw ProblemException.notFound("account", accountId);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The last instant of a UTC day: a score "of" a day is the latest one computed by its end. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000);
    }

    static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 date, e.g. 2026-11-01");
        }
    }

    private static ProblemException notScored(long accountId, String when) {
        return new ProblemException(404, "not-scored", "Not scored", "account " + accountId + " has no health score "
                + when, null);
    }
}
