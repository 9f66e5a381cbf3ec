package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;

/**
 * The description of the kind itself (openAPIV3Schema.description, the first thing `kubectl explain backupjob`
 * shows), taken from the custom resource class's {@link JsonClassDescription}: the generator describes properties
 * but leaves the schema's root without one. Applied by {@link CustomResourceDefinitions} at build time.
 */
final class KindDescription {

  private KindDescription() {
  }

  static void apply(CustomResourceDefinition crd, Class<?> type) {
    JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
    if (description == null) {
      throw new IllegalStateException(type.getSimpleName() + " needs a @JsonClassDescription: kubectl explain "
          + crd.getSpec().getNames().getSingular() + " shows it first");
    }
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      version.getSchema().getOpenAPIV3Schema().setDescription(description.value());
    }
  }
}
