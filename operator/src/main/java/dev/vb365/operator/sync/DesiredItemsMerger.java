package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges a BackupJob's own items with those its JobItems declare, deterministically: the
 * BackupJob's inline items win over JobItems; among JobItems the oldest (creationTimestamp, then
 * name) wins. An item is the same item when its list (scope) and {@link ItemKey} are the same.
 * Every declaration gets an {@link Outcome}, so each JobItem can say in its status what became of it.
 */
public final class DesiredItemsMerger {

  private DesiredItemsMerger() {
  }

  /** Where a declaration comes from. */
  public sealed interface Source {
    /** For messages: "spec.selectedItems[2]" or "JobItem alice". */
    String describe();
  }

  /** An entry of the BackupJob's selectedItems or excludedItems. */
  public record Inline(Scope scope, int index) implements Source {
    @Override
    public String describe() {
      return "spec." + scope.specField() + "[" + index + "]";
    }
  }

  /** The objects a selection rule (an entry with match) of the BackupJob's selectedItems or excludedItems selects. */
  public record Rule(Scope scope, int index) implements Source {
    @Override
    public String describe() {
      return "spec." + scope.specField() + "[" + index + "] (rule)";
    }
  }

  /** The objects a JobItem's selection rule (its match) selects. */
  public record JobItemRule(String name, Instant createdAt) implements Source {
    public JobItemRule {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "JobItem " + name + " (rule)";
    }
  }

  /** A JobItem of the same namespace referring to the BackupJob. */
  public record FromJobItem(String name, Instant createdAt) implements Source {
    public FromJobItem {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "JobItem " + name;
    }
  }

  /** One item somebody declared, already resolved to its VB365 object. */
  public record Declaration(Source source, Scope scope, BackupItem item) {
    public Declaration {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(item, "item");
      if (source instanceof Inline inline && inline.scope() != scope) {
        throw new IllegalArgumentException(source.describe() + " cannot declare an item for " + scope.specField());
      }
    }

    public static Declaration inline(Scope scope, int index, BackupItem item) {
      return new Declaration(new Inline(scope, index), scope, item);
    }

    public static Declaration rule(Scope scope, int index, BackupItem item) {
      return new Declaration(new Rule(scope, index), scope, item);
    }

    public static Declaration jobItemRule(String name, Instant createdAt, Scope scope, BackupItem item) {
      return new Declaration(new JobItemRule(name, createdAt), scope, item);
    }

    public static Declaration jobItem(String name, Instant createdAt, Scope scope, BackupItem item) {
      return new Declaration(new FromJobItem(name, createdAt), scope, item);
    }
  }

  /** What became of a declaration. */
  public sealed interface Outcome {
    /** Whether the declared item is in the merged lists exactly as declared. */
    boolean effective();

    /** Why not, or a note; empty for a plain acceptance. */
    String message();
  }

  /** It is in the merged lists because of this declaration. */
  public record Accepted() implements Outcome {
    @Override
    public boolean effective() {
      return true;
    }

    @Override
    public String message() {
      return "";
    }
  }

  /** An earlier declaration already has the same item with the same options: harmless, it is in the job. */
  public record Duplicate(Source winner) implements Outcome {
    @Override
    public boolean effective() {
      return true;
    }

    @Override
    public String message() {
      return "the same item is also declared by " + winner.describe();
    }
  }

  /** An earlier declaration has the same item with other processing options, and wins. */
  public record Conflict(Source winner, List<String> differences) implements Outcome {
    public Conflict {
      differences = List.copyOf(differences);
    }

    @Override
    public boolean effective() {
      return false;
    }

    @Override
    public String message() {
      return winner.describe() + " declares the same item with other processing options and wins ("
          + String.join(", ", differences) + ")";
    }
  }

  /** The declaration cannot take effect in this job at all. */
  public record Rejected(String reason) implements Outcome {
    @Override
    public boolean effective() {
      return false;
    }

    @Override
    public String message() {
      return reason;
    }
  }

  /** The merged lists, in declaration order (inline first), and the outcome of every declaration. */
  public record Result(List<BackupItem> selected, List<BackupItem> excluded, Map<Source, Outcome> outcomes) {
    public Result {
      selected = List.copyOf(selected);
      excluded = List.copyOf(excluded);
      outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** The outcome of the JobItem of this name, or null if it declared nothing. */
    public Outcome outcomeOfJobItem(String name) {
      for (Map.Entry<Source, Outcome> e : outcomes.entrySet()) {
        if (e.getKey() instanceof FromJobItem j && j.name().equals(name)) {
          return e.getValue();
        }
      }
      return null;
    }

    /** One line per declaration that is not simply accepted, for the BackupJob's status and Events. */
    public List<String> problems() {
      List<String> lines = new ArrayList<>();
      outcomes.forEach((source, outcome) -> {
        // A rule's many objects share one source; one it shares with a named entry is the entry's, by design.
        boolean rule = source instanceof Rule || source instanceof JobItemRule;
        if (!(outcome instanceof Accepted) && !(rule && !(outcome instanceof Rejected))) {
          lines.add(source.describe() + ": " + outcome.message());
        }
      });
      return lines;
    }
  }

  // JobItems naming one object before JobItems selecting by rule; then the oldest first, then by name.
  private static final Comparator<Declaration> JOB_ITEM_ORDER = Comparator
      .comparing((Declaration d) -> d.source() instanceof JobItemRule)
      .thenComparing((Declaration d) -> createdAt(d.source()), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(d -> jobItemName(d.source()));

  private static Instant createdAt(Source source) {
    return source instanceof FromJobItem j ? j.createdAt() : ((JobItemRule) source).createdAt();
  }

  private static String jobItemName(Source source) {
    return source instanceof FromJobItem j ? j.name() : ((JobItemRule) source).name();
  }

  /**
   * @param backupType an EntireOrganization job has no selected items, so Selected declarations are rejected
   * @param inline the BackupJob's own items, in spec order
   * @param fromJobItems the JobItems' items, in any order (they are sorted here)
   */
  public static Result merge(BackupType backupType, List<Declaration> inline, List<Declaration> fromJobItems) {
    // Named entries before rules: an object a rule selects and an entry names takes the entry's options.
    List<Declaration> ordered = new ArrayList<>();
    inline.stream().filter(d -> d.scope() == Scope.Selected && d.source() instanceof Inline).forEach(ordered::add);
    inline.stream().filter(d -> d.scope() == Scope.Excluded && d.source() instanceof Inline).forEach(ordered::add);
    inline.stream().filter(d -> d.scope() == Scope.Selected && d.source() instanceof Rule).forEach(ordered::add);
    inline.stream().filter(d -> d.scope() == Scope.Excluded && d.source() instanceof Rule).forEach(ordered::add);
    for (Declaration d : inline) {
      if (!(d.source() instanceof Inline) && !(d.source() instanceof Rule)) {
        throw new IllegalArgumentException(d.source().describe() + " is not an inline declaration");
      }
    }
    List<Declaration> jobItems = new ArrayList<>(fromJobItems);
    for (Declaration d : jobItems) {
      if (!(d.source() instanceof FromJobItem) && !(d.source() instanceof JobItemRule)) {
        throw new IllegalArgumentException(d.source().describe() + " is not a JobItem declaration");
      }
    }
    jobItems.sort(JOB_ITEM_ORDER);
    ordered.addAll(jobItems);

    record Slot(Scope scope, ItemKey key) {
    }
    Map<Slot, Declaration> winners = new LinkedHashMap<>();
    Map<Source, Outcome> outcomes = new LinkedHashMap<>();
    for (Declaration d : ordered) {
      if (d.scope() == Scope.Selected && backupType == BackupType.EntireOrganization) {
        outcomes.put(d.source(), new Rejected("the BackupJob backs up the entire organization, so a selected item "
            + "adds nothing; use scope Excluded, or backupType SelectedItems in the BackupJob"));
        continue;
      }
      Slot slot = new Slot(d.scope(), d.item().key());
      Declaration winner = winners.get(slot);
      if (winner == null) {
        winners.put(slot, d);
        outcomes.put(d.source(), new Accepted());
      } else if (winner.item().options().equals(d.item().options())) {
        outcomes.put(d.source(), new Duplicate(winner.source()));
      } else {
        outcomes.put(d.source(), new Conflict(winner.source(),
            d.item().options().differencesTo(winner.item().options()).stream()
                .map(o -> o.option() + ": " + o.theirs() + " there, " + o.mine() + " here").toList()));
      }
    }
    List<BackupItem> selected = new ArrayList<>();
    List<BackupItem> excluded = new ArrayList<>();
    winners.forEach((slot, d) -> (slot.scope() == Scope.Selected ? selected : excluded).add(d.item()));
    return new Result(selected, excluded, outcomes);
  }
}
