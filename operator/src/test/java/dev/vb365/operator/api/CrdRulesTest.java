package dev.vb365.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A CEL rule that does not compile makes the API server refuse the whole CRD, and one that names a
 * field the schema lacks never holds: both are caught here instead of in a cluster.
 */
class CrdRulesTest {

  private static final Pattern SELF_FIELD = Pattern.compile("self\\.([A-Za-z_][A-Za-z0-9_]*)");

  static Stream<Arguments> rules() {
    List<Arguments> out = new ArrayList<>();
    for (String kind : List.of("BackupJob", "JobItem")) {
      for (CrdSchema.Rule rule : CrdSchema.forKind(kind).rules()) {
        out.add(Arguments.of(kind, rule));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rules")
  void ruleCompilesAndNamesOnlyFieldsOfItsObject(String kind, CrdSchema.Rule rule) throws Exception {
    CrdSchema.compile(rule.rule());
    Matcher m = SELF_FIELD.matcher(rule.rule());
    while (m.find()) {
      assertThat(rule.properties()).as("fields of %s %s", kind, rule.schemaPath()).contains(m.group(1));
    }
    assertThat(rule.message()).as("a message users can act on").isNotBlank();
  }

  @Test
  void bothCrdsHaveTheirRules() {
    assertThat(CrdSchema.forKind("BackupJob").rules()).extracting(CrdSchema.Rule::schemaPath)
        .contains(".spec", ".spec.organization", ".spec.selectedItems[]", ".spec.excludedItems[]",
            ".spec.schedulePolicy", ".spec.schedulePolicy.backupWindow", ".spec.selectedItems[].site");
    assertThat(CrdSchema.forKind("JobItem").rules()).extracting(CrdSchema.Rule::schemaPath)
        .contains(".spec", ".spec.user", ".spec.team");
  }
}
