package dev.vb365.operator.api;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.model.annotation.Kind;
import java.io.File;
import java.util.List;

/**
 * Writes the CRDs of {@link BackupJob} and {@link JobItem} (v1, {@code <plural>.<group>-v1.yml}) into a directory:
 * the build runs it in process-classes for target/classes/META-INF/fabric8, which the tests compare with crds/ and
 * the chart's copies. It is fabric8's CRD generator, called here rather than through its Maven plugin because the
 * plugin takes no post-processor, and two things need one: {@link PrinterColumnOrder} and {@link KindDescription}.
 */
public final class CustomResourceDefinitions {

  static final List<Class<? extends HasMetadata>> CUSTOM_RESOURCES = List.of(BackupJob.class, JobItem.class,
      BackupCopyJob.class);

  private CustomResourceDefinitions() {
  }

  /** {@code args[0]}: the output directory. */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CustomResourceDefinitions <output directory>");
    }
    File dir = new File(args[0]);
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new IllegalStateException("cannot create " + dir);
    }
    new CRDGenerator()
        .customResourceClasses(CUSTOM_RESOURCES)
        .withPostProcessor(new Finishing())
        .inOutputDir(dir)
        .detailedGenerate();
  }

  /** What the generator leaves to be done, per CRD, before it writes the file. */
  static final class Finishing implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      if (crd instanceof CustomResourceDefinition v1) {
        Class<?> type = classOf(v1.getSpec().getNames().getKind());
        PrinterColumnOrder.apply(v1, type);
        KindDescription.apply(v1, type);
      }
      return crd;
    }
  }

  static Class<?> classOf(String kind) {
    return CUSTOM_RESOURCES.stream().filter(c -> c.getAnnotation(Kind.class).value().equals(kind)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no custom resource class of kind " + kind));
  }
}
