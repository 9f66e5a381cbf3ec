package dev.vb365.operator.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackupWindowTest {

  /** The VB365 array indexes the allowed hours of a line, Sunday 00:00 being index 0. */
  static Stream<Arguments> layout() {
    return Stream.of(
        Arguments.of(List.of("Sun"), range(0, 24)),
        Arguments.of(List.of("Mon 00:00-01:00"), List.of(24)),
        Arguments.of(List.of("Sat 23:00-24:00"), List.of(167)),
        // Crossing midnight from Saturday wraps to the start of the array (Sunday).
        Arguments.of(List.of("Sat 22:00-02:00"), List.of(0, 1, 166, 167)),
        Arguments.of(List.of("Mon-Fri 20:00-06:00"), concat(range(44, 54), range(68, 78), range(92, 102),
            range(116, 126), range(140, 150))),
        Arguments.of(List.of("Weekends"), concat(range(0, 24), range(144, 168))),
        Arguments.of(List.of("Workdays 09:00-17:00"), concat(range(33, 41), range(57, 65), range(81, 89),
            range(105, 113), range(129, 137))),
        Arguments.of(List.of("Fri-Mon 00:00-02:00"), List.of(0, 1, 24, 25, 120, 121, 144, 145)),
        Arguments.of(List.of("Mon,Wed 23:00-00:00"), List.of(47, 95)),
        Arguments.of(List.of("Tue 00:00-24:00", "Tue 05:00-06:00"), range(48, 72)));
  }

  @ParameterizedTest
  @MethodSource("layout")
  void linesMapToVb365Hours(List<String> allow, List<Integer> expectedTrueIndexes) {
    List<Boolean> hours = BackupWindow.parse(allow, null, null).toHours();
    assertThat(hours).hasSize(168);
    assertThat(IntStream.range(0, 168).filter(hours::get).boxed().toList()).isEqualTo(expectedTrueIndexes);
  }

  @Test
  void denyAppliesAfterAllowAndAloneStartsFromEveryHour() {
    BackupWindow window = BackupWindow.parse(List.of("Everyday"), List.of("Mon-Fri 08:00-18:00"), null);
    assertThat(window.allows(DayOfWeek.MONDAY, 7)).isTrue();
    assertThat(window.allows(DayOfWeek.MONDAY, 8)).isFalse();
    assertThat(window.allows(DayOfWeek.FRIDAY, 17)).isFalse();
    assertThat(window.allows(DayOfWeek.SATURDAY, 12)).isTrue();
    assertThat(BackupWindow.parse(null, List.of("Mon-Fri 08:00-18:00"), null)).isEqualTo(window);
    assertThat(window.allowedHourCount()).isEqualTo(168 - 50);
  }

  static Stream<Arguments> invalidLines() {
    return Stream.of(
        Arguments.of("Mon-Fri 20:30-06:00", "allow[0]", "20:30 is not a whole hour; VB365 backup windows allow or deny "
            + "whole hours only (use 20:00 or 21:00)"),
        Arguments.of("Mon 08:00-17:45", "allow[0]", "17:45 is not a whole hour"),
        Arguments.of("Mo-Fr 20:00-06:00", "allow[0]", "unknown day \"Mo\""),
        Arguments.of("monday", "allow[0]", "unknown day \"monday\""),
        Arguments.of("Mon 25:00-02:00", "allow[0]", "25:00 is not a time of day"),
        Arguments.of("Mon 24:00-02:00", "allow[0]", "a range cannot start at 24:00"),
        Arguments.of("Mon 08:00-08:00", "allow[0]", "the range starts and ends at 08:00; for whole days leave the "
            + "time range out (\"Mon\")"),
        Arguments.of("Mon 8-17", "allow[0]", "is not DAYS or DAYS HH:00-HH:00"),
        Arguments.of("", "allow[0]", "is not DAYS or DAYS HH:00-HH:00"));
  }

  @ParameterizedTest
  @MethodSource("invalidLines")
  void invalidLinesAreRejectedWithThePreciseReason(String line, String path, String message) {
    assertThatThrownBy(() -> BackupWindow.parse(List.of(line), null, null))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
          assertThat(e.errors()).hasSize(1);
          assertThat(e.errors().get(0).path()).isEqualTo(path);
          assertThat(e.errors().get(0).message()).contains(message);
        });
  }

  @Test
  void everyBadLineIsReportedWithItsIndex() {
    assertThatThrownBy(() -> BackupWindow.parse(List.of("Mon", "Xyz", "Tue 01:30-02:00"), List.of("Sun 1"), null))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.errors())
            .extracting(FieldError::path).containsExactly("allow[1]", "allow[2]", "deny[0]"));
    assertThatThrownBy(() -> BackupWindow.parse(List.of(), null, null))
        .isInstanceOfSatisfying(InvalidSpecException.class,
            e -> assertThat(e.getMessage()).isEqualTo("set allow, deny or both"));
  }

  /** The compact form export writes: same-range days share a line, the shorter of allow and deny wins. */
  static Stream<Arguments> rendering() {
    return Stream.of(
        Arguments.of(List.of("Mon-Fri 20:00-06:00"), null, List.of("Mon-Fri 20:00-06:00"), null),
        Arguments.of(List.of("Everyday 22:00-02:00"), null, List.of("Everyday 22:00-02:00"), null),
        Arguments.of(List.of("Sat 00:00-24:00"), null, List.of("Sat"), null),
        Arguments.of(List.of("Weekends"), null, List.of("Sat-Sun"), null),
        Arguments.of(List.of("Everyday"), null, List.of("Everyday"), null),
        Arguments.of(null, List.of("Mon-Fri 08:00-18:00"), null, List.of("Mon-Fri 08:00-18:00")),
        Arguments.of(null, List.of("Everyday"), null, List.of("Everyday")),
        Arguments.of(List.of("Mon,Wed,Fri 01:00-03:00"), null, List.of("Mon,Wed,Fri 01:00-03:00"), null),
        Arguments.of(List.of("Sun 20:00-06:00"), null, List.of("Sun 20:00-06:00"), null),
        Arguments.of(List.of("Fri 20:00-24:00", "Sat-Sun", "Mon 00:00-06:00"), null,
            List.of("Mon 00:00-06:00", "Fri 20:00-24:00", "Sat-Sun"), null),
        Arguments.of(List.of("Mon 10:00-12:00", "Mon 14:00-16:00"), null,
            List.of("Mon 10:00-12:00", "Mon 14:00-16:00"), null));
  }

  @ParameterizedTest
  @MethodSource("rendering")
  void rendersTheHumanForm(List<String> allow, List<String> deny, List<String> expectedAllow,
      List<String> expectedDeny) {
    BackupWindow window = BackupWindow.parse(allow, deny, null);
    BackupWindow.HumanForm form = window.toHumanForm();
    assertThat(form.allow()).isEqualTo(expectedAllow);
    assertThat(form.deny()).isEqualTo(expectedDeny);
    assertThat(BackupWindow.parse(form.allow(), form.deny(), null)).isEqualTo(window);
  }

  @Test
  void renderingParsesBackToTheSameHoursForRandomWindows() {
    Random random = new Random(365);
    for (int n = 0; n < 2000; n++) {
      // Mix sparse, dense and blocky windows: they exercise different run shapes.
      double density = random.nextDouble();
      int block = 1 + random.nextInt(12);
      List<Boolean> hours = new ArrayList<>();
      boolean current = random.nextBoolean();
      for (int i = 0; i < 168; i++) {
        if (i % block == 0) {
          current = random.nextDouble() < density;
        }
        hours.add(current);
      }
      BackupWindow window = BackupWindow.ofHours(hours, null);
      BackupWindow.HumanForm form = window.toHumanForm();
      assertThat(BackupWindow.parse(form.allow(), form.deny(), null).toHours())
          .as("window %s rendered as %s", hours, form).isEqualTo(hours);
    }
  }

  @Test
  void ofHoursRequiresTheFullWeek() {
    assertThatThrownBy(() -> BackupWindow.ofHours(List.of(true, false), null))
        .hasMessageContaining("168 hours, got 2");
  }

  @Test
  void minuteOffsetIsPartOfTheValueButNotOfTheHours() {
    BackupWindow a = BackupWindow.parse(List.of("Mon"), null, 60);
    BackupWindow b = BackupWindow.parse(List.of("Mon"), null, null);
    assertThat(a).isNotEqualTo(b);
    assertThat(a.sameHours(b)).isTrue();
    assertThat(a.withMinuteOffset(null)).isEqualTo(b);
    assertThat(a.toString()).isEqualTo("allow Mon (UTC offset 60 min)");
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  @SafeVarargs
  private static List<Integer> concat(List<Integer>... parts) {
    return Stream.of(parts).flatMap(List::stream).sorted().toList();
  }
}
