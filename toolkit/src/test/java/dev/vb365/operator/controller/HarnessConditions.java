package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupCopyJob;
import io.fabric8.kubernetes.api.model.Condition;

/** A BackupCopyJob's condition, read as users read it. */
final class HarnessConditions {

  private HarnessConditions() {
  }

  static Condition of(BackupCopyJob copy, String type) {
    return copy.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + copy.getStatus().getConditions()));
  }

  static String message(BackupCopyJob copy, String type) {
    return of(copy, type).getMessage();
  }

  static String reason(BackupCopyJob copy, String type) {
    return of(copy, type).getReason();
  }
}
