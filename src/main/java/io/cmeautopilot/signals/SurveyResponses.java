package io.cmeautopilot.signals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.cmeautopilot.common.NamedSql;

/** Survey answers: NPS (0-10) and CSAT (1-5). The event id is the response's id. */
@ApplicationScoped
class SurveyResponses implements SignalKind<SurveyResponses.SurveyResponse> {

    static final Set<String> KINDS = Set.of("nps", "csat");

    record SurveyResponse(String eventId, String account, String kind, int score, String respondent, String comment,
            Instant answeredAt) implements Signal {
    }

    private static final NamedSql INSERT = NamedSql.of("""
            WITH inserted AS (
                INSERT INTO survey_responses (event_id, account_id, kind, score, respondent, comment, answered_at)
                SELECT * FROM unnest(:event_ids::text[], :account_ids::bigint[], :kinds::text[], :scores::smallint[],
                                     :respondents::text[], :comments::text[], :times::timestamptz[])
                ORDER BY 1
                ON CONFLICT (event_id) DO NOTHING
                RETURNING 1
            )
            SELECT count(*) FROM inserted
            """);

    @Override
    public SurveyResponse read(ItemReader r, Instant latestAllowed) {
        String eventId = r.requiredText("eventId", 200);
        String account = r.requiredText("account", 200);
        String kind = r.requiredChoice("kind", KINDS, null);
        Long score = r.requiredWholeNumber("score", 0, 10);
        String respondent = r.optionalText("respondent", 200);
        String comment = r.optionalText("comment", 4_000);
        Instant answeredAt = r.requiredInstant("answeredAt", latestAllowed);
        if ("csat".equals(kind) && score != null && (score < 1 || score > 5)) {
            r.problem("score: must be between 1 and 5 for csat");
        }
        return r.valid() ? new SurveyResponse(eventId, account, kind, score.intValue(), respondent, comment, answeredAt)
                : null;
    }

    @Override
    public int insert(Connection c, List<SurveyResponse> items, long[] accountIds) throws SQLException {
        int n = items.size();
        String[] ids = new String[n], kinds = new String[n], respondents = new String[n], comments = new String[n],
                times = new String[n];
        Long[] accounts = new Long[n], scores = new Long[n];
        for (int i = 0; i < n; i++) {
            SurveyResponse s = items.get(i);
            ids[i] = s.eventId();
            accounts[i] = accountIds[i];
            kinds[i] = s.kind();
            scores[i] = (long) s.score();
            respondents[i] = s.respondent();
            comments[i] = s.comment();
            times[i] = s.answeredAt().toString();
        }
        try (PreparedStatement ps = INSERT.prepare(c, Map.of("event_ids", ids, "account_ids", accounts,
                "kinds", kinds, "scores", scores, "respondents", respondents, "comments", comments, "times", times));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
