package io.cmeautopilot.notify.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.notify.NotifyConfig;
import io.cmeautopilot.notify.endpoints.AddressPolicy;
import io.cmeautopilot.notify.endpoints.EndpointTarget;

/**
 * POSTs JSON to webhook and Slack endpoints: redirects are not followed (a redirect could lead to
 * an address the policy refuses), any 2xx is success, 410 Gone is final, anything else is retried.
 */
@ApplicationScoped
class HttpSender {

    /** How much of a refusing receiver's answer is kept in the attempt's error, to tell why. */
    private static final int ERROR_BODY_CHARS = 300;

    @Inject
    NotifyConfig config;
    @Inject
    AddressPolicy addresses;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(config.outbound().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    Outcome post(EndpointTarget endpoint, Map<String, String> headers, String body) {
        String shown = endpoint.shownUrl();
        URI url;
        try {
            url = URI.create(endpoint.url());
            Optional<String> refusal = addresses.refusal(url);
            if (refusal.isPresent()) {
                return Outcome.rejected(shown, refusal.get());
            }
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(shown, "the endpoint URL is not valid");
        } catch (UnknownHostException e) {
            return Outcome.failed(null, shown, "the host does not resolve", 0);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.outbound().timeout())
                .header("Content-Type", "application/json").header("User-Agent", "cme-autopilot-notify")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = send(request.build());
            int status = response.statusCode();
            String answer = firstChars(response.body());
            long latency = millisSince(start);
            if (status >= 200 && status < 300) {
                return Outcome.delivered(status, shown, latency);
            }
            String error = "HTTP " + status + (answer.isBlank() ? "" : ": " + answer);
            return status == 410 ? new Outcome(Outcome.Kind.GONE, status, shown, error, latency)
                    : Outcome.failed(status, shown, error, latency);
        } catch (HttpTimeoutException e) {
            return Outcome.failed(null, shown, "no answer within " + config.outbound().timeout().toSeconds() + " s", millisSince(start));
        } catch (ConnectException e) {
            return Outcome.failed(null, shown, "could not connect: " + (e.getMessage() == null ? "connection refused" : e.getMessage()),
                    millisSince(start));
        } catch (IOException e) {
            return Outcome.failed(null, shown, "I/O error: " + e.getMessage(), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(null, shown, "interrupted (node shutting down)", millisSince(start));
        }
    }

    /**
     * One POST; once more at once when a kept-alive connection turns out to be closed by the receiver
     * (it closes idle connections long before the client drops them). The receiver may in rare cases
     * get the message twice, with the same webhook id, which at-least-once delivery allows.
     */
    private HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException | ConnectException e) {
            throw e;
        } catch (IOException e) {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
    }

    private static String firstChars(InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] head = in.readNBytes(ERROR_BODY_CHARS);
            return new String(head, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
