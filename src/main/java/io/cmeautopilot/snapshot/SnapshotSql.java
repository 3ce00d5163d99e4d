package io.cmeautopilot.snapshot;

import io.cmeautopilot.common.NamedSql;

/**
 * The two set-based queries behind account snapshots, for a chunk of account ids ({@code :ids})
 * as of {@code :t0}. No query loads raw events beyond the five edge days (see {@link SnapshotWindows}).
 */
final class SnapshotSql {

    private SnapshotSql() {
    }

    /**
     * The five edge days as explicit index ranges: written out (not joined from an array) so that
     * PostgreSQL reads them through the (account_id, occurred_at) index instead of scanning.
     */
    private static String edgeRanges() {
        StringBuilder ranges = new StringBuilder();
        for (int i = 0; i < SnapshotWindows.BOUNDARIES.length; i++) {
            ranges.append(i == 0 ? "" : " OR ").append("(e.occurred_at >= :e%1$d_from AND e.occurred_at < :e%1$d_to)".formatted(i));
        }
        return ranges.toString();
    }

    /** Row in window [asOf-from, asOf-to): roll-up rows carry a day, raw rows an instant. */
    private static String window(int from, int to) {
        return "(CASE WHEN at IS NULL THEN day > :d%1$d AND day < :d%2$d ELSE at >= :t%1$d AND at < :t%2$d END)"
                .formatted(from, to);
    }

    private static final String USAGE_ROWS = """
            raw_edge AS (
                SELECT e.account_id, e.event_type, coalesce(e.feature, '') AS feature, e.user_id, e.quantity, e.occurred_at
                FROM usage_events e
                WHERE E_ACCOUNTS AND (EDGE_RANGES)
            ),
            usage_rows AS (
                SELECT account_id, event_type, feature, events, quantity, last_at,
                       W7 AS w7, W30 AS w30, WP30 AS wp30, WP7 AS wp7
                FROM (
                    SELECT account_id, event_type, feature, events, quantity, last_at, day, NULL::timestamptz AS at
                    FROM usage_daily
                    WHERE ACCOUNTS AND day > :d60 AND day < :d0 AND day <> ALL(:edges::date[])
                    UNION ALL
                    SELECT account_id, event_type, feature, 1, quantity, occurred_at, NULL::date, occurred_at
                    FROM raw_edge
                ) r
            )""";

    private static final String FACTS = """
            WITH %s,
            usage_agg AS (
                SELECT account_id,
                    coalesce(sum(events) FILTER (WHERE event_type = 'login' AND w7), 0) AS logins7d,
                    coalesce(sum(events) FILTER (WHERE event_type = 'login' AND w30), 0) AS logins30d,
                    coalesce(sum(events) FILTER (WHERE event_type = 'login' AND wp30), 0) AS logins_prev30d,
                    coalesce(sum(events) FILTER (WHERE event_type = 'error' AND w7), 0) AS errors7d,
                    coalesce(sum(events) FILTER (WHERE event_type = 'error' AND wp7), 0) AS errors_prev7d,
                    coalesce(sum(quantity) FILTER (WHERE event_type = 'api_call' AND w30), 0) AS usage30d
                FROM usage_rows GROUP BY account_id
            ),
            -- Distinct counts over pre-grouped rows: hash aggregates, no sort of every row.
            feature_agg AS (
                SELECT account_id, count(*) AS features30d
                FROM (SELECT DISTINCT account_id, feature FROM usage_rows
                      WHERE event_type = 'feature_use' AND feature <> '' AND w30) f
                GROUP BY account_id
            ),
            user_rows AS (
                SELECT account_id, user_id, day, NULL::timestamptz AS at
                FROM user_daily
                WHERE ACCOUNTS AND day > :d30 AND day < :d0 AND day <> ALL(:edges::date[])
                UNION ALL
                SELECT account_id, user_id, NULL::date, occurred_at FROM raw_edge WHERE user_id IS NOT NULL
            ),
            user_agg AS (
                SELECT account_id, count(*) FILTER (WHERE in7d) AS active7d, count(*) AS active30d
                FROM (SELECT account_id, user_id, bool_or(W7) AS in7d FROM user_rows WHERE W30
                      GROUP BY account_id, user_id) u
                GROUP BY account_id
            ),
            today AS (
                SELECT account_id, max(occurred_at) FILTER (WHERE event_type = 'login') AS last_login
                FROM raw_edge WHERE occurred_at >= :today GROUP BY account_id
            ),
            tickets AS (
                SELECT account_id, ticket_id, min(occurred_at) AS opened_at,
                       (array_agg(action ORDER BY occurred_at DESC, id DESC))[1] AS last_action,
                       (array_agg(severity ORDER BY occurred_at DESC, id DESC))[1] AS severity
                FROM ticket_events WHERE ACCOUNTS AND occurred_at < :t0
                GROUP BY account_id, ticket_id
            ),
            ticket_agg AS (
                SELECT account_id,
                    count(*) FILTER (WHERE last_action <> 'closed') AS open_tickets,
                    count(*) FILTER (WHERE opened_at >= :t30) AS opened30d,
                    count(*) FILTER (WHERE opened_at >= :t30 AND severity = 'critical') AS critical30d
                FROM tickets GROUP BY account_id
            ),
            surveys AS (
                SELECT account_id,
                    (array_agg(score ORDER BY answered_at DESC, id DESC) FILTER (WHERE kind = 'nps'))[1:2] AS nps,
                    (array_agg(score ORDER BY answered_at DESC, id DESC) FILTER (WHERE kind = 'csat'))[1] AS csat,
                    max(answered_at) AS last_answer
                FROM survey_responses WHERE ACCOUNTS AND answered_at < :t0
                GROUP BY account_id
            ),
            -- CME activity: the last task a person (not the system) completed, and the tasks open now.
            work AS (
                SELECT account_id,
                    max(closed_at) FILTER (WHERE status = 'DONE' AND closed_at < :t0 AND closed_by <> 'system') AS last_touch,
                    count(*) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED') AND created_at < :t0) AS open_tasks
                FROM tasks WHERE ACCOUNTS
                GROUP BY account_id
            ),
            contract AS (
                SELECT account_id,
                    (array_agg(plan ORDER BY coalesce(arr, mrr * 12) DESC NULLS LAST, start_date DESC NULLS LAST, id DESC))[1] AS plan,
                    sum(coalesce(arr, mrr * 12)) AS arr,
                    sum(coalesce(mrr, arr / 12)) AS mrr,
                    sum(seats_purchased) AS seats_purchased,
                    sum(usage_limit) AS usage_limit,
                    max(features_available) AS features_available,
                    min(renewal_date) FILTER (WHERE renewal_date >= :d0) AS renewal_date,
                    min(licence_expiry) AS licence_expiry
                FROM subscriptions
                WHERE ACCOUNTS AND status IN ('TRIAL', 'ACTIVE') AND (start_date IS NULL OR start_date <= :d0)
                GROUP BY account_id
            )
            SELECT a.id, a.external_id, a.name, a.segment, a.tier, a.owner, a.team, a.stage, a.signup_date,
                   a.go_live_date, a.attributes::text AS attributes,
                   c.plan, c.arr, c.mrr, c.seats_purchased, c.usage_limit, c.features_available, c.renewal_date,
                   c.licence_expiry,
                   (td.account_id IS NOT NULL
                       OR EXISTS (SELECT 1 FROM usage_daily ud WHERE ud.account_id = a.id AND ud.day < :d0)) AS has_usage,
                   greatest(td.last_login,
                       (SELECT ud.last_at FROM usage_daily ud
                        WHERE ud.account_id = a.id AND ud.event_type = 'login' AND ud.day < :d0
                        ORDER BY ud.day DESC LIMIT 1)) AS last_login,
                   u.logins7d, u.logins30d, u.logins_prev30d, u.errors7d, u.errors_prev7d, u.usage30d,
                   coalesce(f.features30d, 0) AS features30d,
                   ua.active7d, ua.active30d,
                   t.open_tickets, t.opened30d, t.critical30d,
                   s.nps, s.csat, s.last_answer, w.last_touch, coalesce(w.open_tasks, 0) AS open_tasks,
                   hs.score AS health_score, hs.grade AS health_grade, hs.score - h30.score AS health_delta30d
            FROM accounts a
            LEFT JOIN contract c ON c.account_id = a.id
            LEFT JOIN usage_agg u ON u.account_id = a.id
            LEFT JOIN feature_agg f ON f.account_id = a.id
            LEFT JOIN user_agg ua ON ua.account_id = a.id
            LEFT JOIN today td ON td.account_id = a.id
            LEFT JOIN ticket_agg t ON t.account_id = a.id
            LEFT JOIN surveys s ON s.account_id = a.id
            LEFT JOIN work w ON w.account_id = a.id
            -- Stored health scores (health package): the latest at or before asOf, and at or before asOf-30d.
            LEFT JOIN LATERAL (SELECT h.score, h.grade FROM health_scores h WHERE h.account_id = a.id AND h.as_of <= :t0
                               ORDER BY h.as_of DESC LIMIT 1) hs ON true
            LEFT JOIN LATERAL (SELECT h.score FROM health_scores h WHERE h.account_id = a.id AND h.as_of <= :t30
                               ORDER BY h.as_of DESC LIMIT 1) h30 ON true
            WHERE A_ACCOUNTS
            ORDER BY a.id
            """;

    private static final String FEATURES = """
            WITH %s
            SELECT account_id, feature,
                   coalesce(sum(events) FILTER (WHERE w30), 0) AS uses30d,
                   coalesce(sum(events) FILTER (WHERE wp30), 0) AS uses_prev30d,
                   max(last_at) AS last_used
            FROM usage_rows
            WHERE event_type = 'feature_use' AND feature <> ''
            GROUP BY account_id, feature
            ORDER BY account_id, feature
            """;

    /** Facts of the accounts in {@code :ids} (any set of ids: an explain, a small scope). */
    static final NamedSql FACTS_BY_IDS = build(FACTS, "account_id = ANY(:ids)");
    /** Facts of the accounts with ids in [:lo, :hi]: one range scan per table, for whole populations. */
    static final NamedSql FACTS_BY_RANGE = build(FACTS, "account_id BETWEEN :lo AND :hi");
    static final NamedSql FEATURES_BY_IDS = build(FEATURES, "account_id = ANY(:ids)");
    static final NamedSql FEATURES_BY_RANGE = build(FEATURES, "account_id BETWEEN :lo AND :hi");

    private static NamedSql build(String template, String accounts) {
        return NamedSql.of(template.formatted(USAGE_ROWS)
                .replace("E_ACCOUNTS", "e." + accounts).replace("A_ACCOUNTS", "a." + accounts.replace("account_id", "id"))
                .replace("ACCOUNTS", accounts)
                .replace("EDGE_RANGES", edgeRanges())
                .replace("WP30", window(60, 30)).replace("WP7", window(14, 7))
                .replace("W30", window(30, 0)).replace("W7", window(7, 0)));
    }

    static final NamedSql ACCOUNT_IDS_AFTER = NamedSql.of(
            "SELECT id FROM accounts WHERE id > :after ORDER BY id LIMIT :limit");
}
