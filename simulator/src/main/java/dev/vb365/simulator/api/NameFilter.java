package dev.vb365.simulator.api;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The name filters of the organization endpoints: case-insensitive, where {@code *} matches any run of
 * characters and {@code ?} one character; a value without wildcards must match the whole name.
 */
final class NameFilter {
  private NameFilter() {
  }

  static Predicate<String> of(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    return name -> name != null && compiled.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }
}
