package dev.vb365.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a CRD's printer columns in the order their {@link AdditionalPrinterColumn} annotations are declared on the
 * custom resource class. The generator sorts them by jsonPath, which put AGE (.metadata...) first; kubectl's
 * convention, and users' eyes, want it last. Applied by {@link CustomResourceDefinitions} at build time.
 */
final class PrinterColumnOrder {

  private PrinterColumnOrder() {
  }

  static void apply(CustomResourceDefinition crd, Class<?> type) {
    List<String> declared = declaredJsonPaths(type);
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      if (version.getAdditionalPrinterColumns() != null) {
        version.setAdditionalPrinterColumns(ordered(version.getAdditionalPrinterColumns(), declared));
      }
    }
  }

  /** The jsonPaths of the class's printer columns, in declaration order. */
  static List<String> declaredJsonPaths(Class<?> type) {
    return Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::jsonPath).toList();
  }

  /** The columns by the position of their jsonPath in {@code declared}; others after them, in their order. */
  static List<CustomResourceColumnDefinition> ordered(List<CustomResourceColumnDefinition> columns,
      List<String> declared) {
    return columns.stream().sorted(Comparator.comparingInt(c -> {
      int at = declared.indexOf(c.getJsonPath());
      return at < 0 ? declared.size() : at;
    })).toList();
  }
}
