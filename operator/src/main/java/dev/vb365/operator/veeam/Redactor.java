package dev.vb365.operator.veeam;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Removes the connection's password and recent tokens from text that came from the server before
 * it goes into an exception message: a server echoing a credential must not make it leak.
 */
final class Redactor {

    private static final int REMEMBERED_TOKENS = 8;
    private final String password;
    private final Deque<String> tokens = new ArrayDeque<>();

    Redactor(Secret password) {
        this.password = password.reveal();
    }

    synchronized void remember(String... secrets) {
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                tokens.addFirst(secret);
                while (tokens.size() > REMEMBERED_TOKENS) {
                    tokens.removeLast();
                }
            }
        }
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        List<String> secrets;
        synchronized (this) {
            secrets = new ArrayList<>(tokens);
        }
        if (password.length() >= 4) {
            secrets.add(password);
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
