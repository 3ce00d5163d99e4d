package io.cmeautopilot.bench;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * A customer base for the end-to-end evaluation benchmark, generated in SQL straight into the
 * tables the snapshot reads (the daily roll-ups, not raw events: loading a billion raw events
 * would take longer than anything measured). Deterministic: every figure follows from the
 * account's number {@code g}. Shaped like a real book of business: most accounts are live and
 * healthy, a few percent each are inactive, under-using seats, near their limits, unhappy,
 * renewing soon (spread over the year) or stuck in onboarding; 70% had a CME touch in the last
 * 40 days.
 */
final class BenchData {

    private BenchData() {
    }

    static void load(DataSource dataSource, int accounts) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            // Stages: 5% onboarding (not live yet), 10% adoption, 80% established, 5% renewal.
            s.execute("""
                    INSERT INTO accounts (external_id, name, segment, tier, owner, team, stage, signup_date, go_live_date,
                                          created_at, updated_at)
                    SELECT 'acct-' || g, 'Account ' || g, (ARRAY['SMB','MID','ENT'])[1 + g % 3],
                           (ARRAY['bronze','silver','gold'])[1 + g % 3],
                           CASE WHEN g % 50 = 7 THEN NULL ELSE 'cme' || g % 400 END, 'team' || g % 20,
                           CASE WHEN g % 20 = 0 THEN 'ONBOARDING' WHEN g % 20 < 3 THEN 'ADOPTION'
                                WHEN g % 20 = 19 THEN 'RENEWAL' ELSE 'ESTABLISHED' END,
                           CASE WHEN g % 20 = 0 THEN CURRENT_DATE - g % 70 ELSE CURRENT_DATE - 60 - g % 900 END,
                           CASE WHEN g % 20 = 0 THEN NULL ELSE CURRENT_DATE - 40 - g % 900 END,
                           now(), now()
                    FROM generate_series(1, :accounts) g""".replace(":accounts", Integer.toString(accounts)));
            // Seats 3-12; renewals spread over the year; 1% with a licence expiring within a month.
            s.execute("""
                    INSERT INTO subscriptions (account_id, external_id, plan, status, seats_purchased, usage_limit,
                                               features_available, arr, start_date, renewal_date, licence_expiry,
                                               created_at, updated_at)
                    SELECT id, 'main', 'pro', 'ACTIVE', 3 + id % 10, 100000, 4, 1000 * (1 + id % 100),
                           CURRENT_DATE - 400, CURRENT_DATE + (id * 7919 % 365)::int,
                           CASE WHEN id % 100 = 3 THEN CURRENT_DATE + (id % 30)::int END, now(), now()
                    FROM accounts""");
            // Logins every fifth day over 60 days; 4% silent for the last 20 days; 3% logged in four
            // times as much the month before (a sharp drop).
            s.execute("""
                    INSERT INTO usage_daily (account_id, day, event_type, feature, events, quantity, last_at)
                    SELECT a.id, CURRENT_DATE - d, 'login', '', e, e, (CURRENT_DATE - d) + TIME '10:00'
                    FROM accounts a CROSS JOIN generate_series(1, 60) d
                    CROSS JOIN LATERAL (SELECT (1 + (a.id + d) % 8) * CASE WHEN a.id % 33 = 5 AND d > 30 THEN 4 ELSE 1 END AS e) x
                    WHERE a.stage <> 'ONBOARDING' AND (d + a.id) % 5 = 0 AND NOT (a.id % 25 = 4 AND d < 20)""");
            // Two of the plan's four features in use (5%: one), and API calls (2% near the plan limit).
            s.execute("""
                    INSERT INTO usage_daily (account_id, day, event_type, feature, events, quantity, last_at)
                    SELECT a.id, CURRENT_DATE - 3 - f, 'feature_use', 'f' || f, 3 + a.id % 5, 3 + a.id % 5,
                           (CURRENT_DATE - 3 - f) + TIME '11:00'
                    FROM accounts a CROSS JOIN generate_series(1, 2) f
                    WHERE a.stage <> 'ONBOARDING' AND NOT (f = 2 AND a.id % 20 = 9)
                    UNION ALL
                    SELECT a.id, CURRENT_DATE - 5, 'api_call', '', 10, 870 * (a.id % 100), (CURRENT_DATE - 5) + TIME '12:00'
                    FROM accounts a WHERE a.stage <> 'ONBOARDING'""");
            // Active users: 80% of the seats, 5% of accounts at 30%, 3% using every seat.
            s.execute("""
                    INSERT INTO user_daily (account_id, day, user_id)
                    SELECT a.id, CURRENT_DATE - 1 - ((a.id + u) % 25)::int, 'u' || u
                    FROM accounts a JOIN subscriptions sub ON sub.account_id = a.id
                    CROSS JOIN generate_series(1, 12) u
                    WHERE a.stage <> 'ONBOARDING'
                      AND u <= CASE WHEN a.id % 20 = 11 THEN sub.seats_purchased * 3 / 10
                                    WHEN a.id % 33 = 12 THEN sub.seats_purchased
                                    ELSE sub.seats_purchased * 8 / 10 END""");
            // Tickets: one in five accounts has one; 0.5% has three critical ones this month.
            s.execute("""
                    INSERT INTO ticket_events (event_id, account_id, ticket_id, action, severity, occurred_at)
                    SELECT 'tk-' || id || '-' || n, id, 'T' || id || '-' || n, 'opened',
                           CASE WHEN id % 200 = 1 THEN 'critical' ELSE 'normal' END, now() - (n + id % 20) * INTERVAL '1 day'
                    FROM accounts CROSS JOIN generate_series(1, 3) n
                    WHERE id % 200 = 1 OR (id % 5 = 2 AND n = 1)""");
            // One in ten accounts answered an NPS survey in the last 20 days.
            s.execute("""
                    INSERT INTO survey_responses (event_id, account_id, kind, score, answered_at)
                    SELECT 'sv-' || id, id, 'nps', id % 11, now() - (id % 20) * INTERVAL '1 day'
                    FROM accounts WHERE id % 10 = 4""");
            // CME activity: 70% of the accounts had a task closed by their CME in the last 40 days.
            s.execute("""
                    INSERT INTO tasks (account_id, type, title, priority, status, assignee, team, origin, created_by,
                                       closed_at, closed_by, created_at, updated_at)
                    SELECT id, 'call', 'Check-in call', 'NORMAL', 'DONE', owner, team, 'manual', owner,
                           now() - (id % 40) * INTERVAL '1 day', owner, now() - INTERVAL '50 days', now()
                    FROM accounts WHERE id % 10 < 7 AND owner IS NOT NULL""");
        }
    }
}
