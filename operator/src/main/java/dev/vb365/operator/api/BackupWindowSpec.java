package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hours of the week in human form. VB365 stores 168 booleans (one per hour, weeks starting on
 * Sunday); the operator derives them from these lines, so only whole hours can be expressed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.allow) && size(self.allow) > 0) || (has(self.deny) && size(self.deny) > 0)",
    message = "set allow, deny or both")
@ValidationRule(value = "(!has(self.allow) || self.allow.all(w, !w.matches(':([0-5][1-9]|[1-5]0)')))"
    + " && (!has(self.deny) || self.deny.all(w, !w.matches(':([0-5][1-9]|[1-5]0)')))",
    message = "backup window times must be whole hours (HH:00): VB365 allows or denies whole hours only")
public class BackupWindowSpec {

  /** One line: days, optionally followed by a time range (minutes are checked by a CEL rule for a clearer message). */
  public static final String LINE_PATTERN = "^(Everyday|Workdays|Weekends|(Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
      + "(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?(,(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?)*)"
      + "( +([01][0-9]|2[0-4]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9])?$";

  static final String LINE_HELP = " Each line is DAYS [HH:00-HH:00]: DAYS is Everyday, Workdays (Mon-Fri), Weekends "
      + "(Sat-Sun), a day (Mon..Sun), a range (Mon-Fri, Fri-Mon wraps) or a comma list (Mon,Wed,Fri-Sun); without "
      + "a time range the whole days are meant. A range that ends at or before its start runs past midnight into the "
      + "next day (Mon-Fri 20:00-06:00 is each weekday evening until 06:00 the next morning); 24:00 is midnight at "
      + "the end of the day. Hours are the VB365 server's local time.";

  @JsonPropertyDescription("Hours when the job may run, e.g. [\"Mon-Fri 20:00-06:00\", \"Weekends\"]. "
      + "With allow, every other hour is denied; without it every hour is allowed before deny applies." + LINE_HELP)
  @Size(max = 64)
  private List<@Pattern(LINE_PATTERN) @Size(max = 64) String> allow;

  @JsonPropertyDescription("Hours when the job must not run; applied after allow, e.g. [\"Sun 00:00-06:00\"]."
      + LINE_HELP)
  @Size(max = 64)
  private List<@Pattern(LINE_PATTERN) @Size(max = 64) String> deny;

  @JsonPropertyDescription("VB365's minuteOffset: the offset from UTC in minutes of the clock the hours are read "
      + "in. Omitted: whatever VB365 has is kept and not compared.")
  @Min(-720)
  @Max(840)
  private Integer minuteOffset;

  public BackupWindowSpec() {
  }

  public BackupWindowSpec(List<String> allow, List<String> deny) {
    setAllow(allow);
    setDeny(deny);
  }

  public List<String> getAllow() {
    return allow;
  }

  public void setAllow(List<String> allow) {
    this.allow = allow == null ? null : new ArrayList<>(allow);
  }

  public List<String> getDeny() {
    return deny;
  }

  public void setDeny(List<String> deny) {
    this.deny = deny == null ? null : new ArrayList<>(deny);
  }

  public Integer getMinuteOffset() {
    return minuteOffset;
  }

  public void setMinuteOffset(Integer minuteOffset) {
    this.minuteOffset = minuteOffset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupWindowSpec other && Objects.equals(allow, other.allow)
        && Objects.equals(deny, other.deny) && Objects.equals(minuteOffset, other.minuteOffset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(allow, deny, minuteOffset);
  }

  @Override
  public String toString() {
    return "allow " + allow + " deny " + deny + (minuteOffset == null ? "" : " offset " + minuteOffset);
  }
}
