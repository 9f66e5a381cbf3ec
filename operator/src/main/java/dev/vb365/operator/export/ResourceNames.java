package dev.vb365.operator.export;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Kubernetes object names from VB365 job names: "Finance Mailboxes (EU)" becomes finance-mailboxes-eu. */
final class ResourceNames {

  /** A DNS label (63 characters): valid for every resource and usable as a label value. */
  private static final int MAX = 63;

  private ResourceNames() {}

  static String of(String jobName) {
    String ascii = Normalizer.normalize(jobName == null ? "" : jobName, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    String name = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (name.length() > MAX) {
      name = name.substring(0, MAX).replaceAll("-+$", "");
    }
    return name.isEmpty() ? "job" : name;
  }

  /** {@link #of} made unique among {@code used} with -2, -3, ... (and added to it). */
  static String unique(String jobName, Set<String> used) {
    return numbered(of(jobName), used);
  }

  /**
   * {@link #of}{@code (name)} with {@code suffix} (such as "-copy") kept whole: the name is cut to make room for it;
   * then made unique among {@code used} as {@link #unique} does (and added to it).
   */
  static String withSuffix(String name, String suffix, Set<String> used) {
    String base = of(name);
    if (base.length() + suffix.length() > MAX) {
      base = base.substring(0, MAX - suffix.length()).replaceAll("-+$", "");
    }
    return numbered(base + suffix, used);
  }

  private static String numbered(String base, Set<String> used) {
    String name = base;
    for (int n = 2; !used.add(name); n++) {
      String suffix = "-" + n;
      name = (base.length() + suffix.length() > MAX ? base.substring(0, MAX - suffix.length()) : base) + suffix;
    }
    return name;
  }
}
