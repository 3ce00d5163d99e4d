package io.cmeautopilot.health.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.health.HealthScoreRepository;
import io.cmeautopilot.health.HealthScoreView;
import io.cmeautopilot.health.ScoreChanges;
import io.cmeautopilot.health.ScorecardService;
import io.cmeautopilot.health.scorecard.Measure;
import io.cmeautopilot.health.scorecard.ScorecardVariant;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.snapshot.SnapshotService;

/** Assembles the monthly health-check report of one account as of an instant (default: now). */
@ApplicationScoped
public class HealthReportService {

    static final int HISTORY_DAYS = 90;

    @Inject
    AccountLookup accounts;
    @Inject
    SnapshotService snapshots;
    @Inject
    HealthScoreRepository scores;
    @Inject
    ScorecardService scorecards;
    @Inject
    ReportQueries queries;
    @Inject
    Instance<OpenWork> openWork;
    @Inject
    Clock clock;

    /** {@code date}: the report as of the end of that UTC day; absent: as of now. */
    public HealthReport report(long accountId, String date, Caller caller) {
        if (!accounts.visible(accountId, caller)) {
            throw ProblemException.notFound("account", accountId);
        }
        Instant asOf = asOf(date);
        Instant from = asOf.minus(ReportSections.PERIOD);
        AccountFact fact = snapshots.facts(List.of(accountId), asOf).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("account", accountId));
        LocalDate lastDay = LocalDate.ofInstant(asOf.minusNanos(1000), ZoneOffset.UTC);
        Optional<HealthScoreView> current = scores.at(accountId, asOf);
        ScoreChanges.Comparison changes = current.flatMap(now -> scores.at(accountId, from)
                .map(before -> ScoreChanges.compare(before, now))).orElse(null);
        List<HealthReport.DayScore> history = scores.history(accountId, lastDay.minusDays(HISTORY_DAYS - 1), lastDay).stream()
                .filter(s -> !s.asOf().isAfter(asOf))
                .map(s -> new HealthReport.DayScore(s.day(), s.score(), s.grade() == null ? null : s.grade().name())).toList();
        List<HealthReport.OpenItem> open = new ArrayList<>();
        openWork.forEach(source -> open.addAll(source.openFor(accountId)));
        return new HealthReport(account(fact), asOf, from, clock.instant(),
                new HealthReport.Health(current.orElse(null), history, changes),
                ReportSections.featureRanking(snapshots.featureUsage(List.of(accountId), asOf).getOrDefault(accountId, List.of())),
                queries.weeklyUsage(accountId, lastDay),
                queries.topErrors(accountId, from, asOf),
                ReportSections.tickets(queries.tickets(accountId, asOf), from, asOf),
                new HealthReport.Sentiment(fact.getLatestNps(), fact.getNpsDelta(), fact.getLatestCsat(),
                        ReportSections.sentiment(queries.surveys(accountId, asOf.minus(ReportSections.PERIOD.multipliedBy(3)), asOf), asOf)),
                open,
                ReportSections.recommendations(current.orElse(null), id -> advice(fact.getSegment(), id)));
    }

    public ReportPage rendered(long accountId, String date, Caller caller) {
        HealthReport r = report(accountId, date, caller);
        LocalDate lastDay = LocalDate.ofInstant(r.asOf().minusNanos(1000), ZoneOffset.UTC);
        return new ReportPage(r,
                ReportCharts.health(r.health().history(), lastDay.minusDays(HISTORY_DAYS - 1), lastDay,
                        variant(r.account().segment()).map(ScorecardVariant::grades).orElse(null)),
                ReportCharts.weekly("Weekly active users", r.usageTrend(), HealthReport.WeekUsage::activeUsers),
                ReportCharts.weekly("Weekly logins", r.usageTrend(), HealthReport.WeekUsage::logins),
                ReportCharts.features(r.featureRanking()));
    }

    /** The account's score over the last 90 days over its scorecard's grade bands (the report's first chart). */
    public Chart trend(long accountId, Caller caller) {
        if (!accounts.visible(accountId, caller)) {
            throw ProblemException.notFound("account", accountId);
        }
        Instant now = clock.instant();
        LocalDate lastDay = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<HealthReport.DayScore> history = scores.history(accountId, lastDay.minusDays(HISTORY_DAYS - 1), lastDay)
                .stream().map(s -> new HealthReport.DayScore(s.day(), s.score(), s.grade() == null ? null : s.grade().name()))
                .toList();
        String segment = accounts.segment(accountId).orElse(null);
        return ReportCharts.health(history, lastDay.minusDays(HISTORY_DAYS - 1), lastDay,
                variant(segment).map(ScorecardVariant::grades).orElse(null));
    }

    private Instant asOf(String date) {
        if (date == null || date.isBlank()) {
            return clock.instant();
        }
        try {
            return LocalDate.parse(date).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalidField("date", "must be an ISO-8601 date, e.g. 2026-11-01");
        }
    }

    private Optional<ScorecardVariant> variant(String segment) {
        return scorecards.active().map(s -> s.forSegment(segment));
    }

    private String advice(String segment, String measureId) {
        return variant(segment).flatMap(v -> v.measures().stream().filter(m -> m.id().equals(measureId)).findFirst())
                .map(Measure::advice).orElse(null);
    }

    private static HealthReport.Account account(AccountFact f) {
        return new HealthReport.Account(f.getId(), f.getExternalId(), f.getName(), f.getSegment(), f.getOwner(), f.getTeam(),
                f.getStage().name());
    }
}
