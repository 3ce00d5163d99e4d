package io.cmeautopilot.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server on 127.0.0.1 that answers RCPT TO with the reply the test chooses (550 "no
 * such user", 450 "try later", 250), which GreenMail cannot do; or that greets nobody, to play a hung
 * server. Speaks just enough SMTP for a mail client: greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET, QUIT.
 */
public final class ScriptedSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private volatile String rcptReply;
    private volatile boolean silent;

    private ScriptedSmtp(int port, String rcptReply) {
        this.rcptReply = rcptReply;
        try {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the scripted SMTP server on port " + port, e);
        }
        Thread loop = new Thread(this::serve, "scripted-smtp");
        loop.setDaemon(true);
        loop.start();
    }

    /** Answers every RCPT TO with {@code rcptReply}, e.g. {@code "550 5.1.1 no such user"}. */
    public static ScriptedSmtp answering(int port, String rcptReply) {
        return new ScriptedSmtp(port, rcptReply);
    }

    public void answer(String reply) {
        this.rcptReply = reply;
    }

    /** Accepts connections and then says nothing at all. */
    public void goSilent() {
        this.silent = true;
    }

    /** The bodies of the messages it accepted (DATA), one per mail transaction. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream()) {
            if (silent) {
                in.read(); // hold the connection open until the client gives up
                return;
            }
            say(out, "220 scripted ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> say(out, "250 scripted");
                    case "MAIL", "RSET", "NOOP" -> say(out, "250 2.0.0 OK");
                    case "RCPT" -> say(out, rcptReply);
                    case "DATA" -> {
                        say(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder body = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            body.append(line).append('\n');
                        }
                        accepted.add(body.toString());
                        say(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        say(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> say(out, "502 5.5.1 not implemented");
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
