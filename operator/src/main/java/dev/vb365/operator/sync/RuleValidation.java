package dev.vb365.operator.sync;

import dev.vb365.operator.api.DirectoryRule;
import dev.vb365.operator.api.ItemType;
import java.util.ArrayList;
import java.util.List;

/** What makes a selection rule invalid, as field errors a user can act on. Pure. */
public final class RuleValidation {

  private RuleValidation() {
  }

  /** Errors of a rule on an item of {@code type}, with paths relative to the rule ("namePattern"). */
  public static List<FieldError> of(ItemType type, DirectoryRule rule) {
    List<FieldError> errors = new ArrayList<>();
    if (type != ItemType.User && type != ItemType.Group && type != ItemType.Site && type != ItemType.Team) {
      errors.add(new FieldError("", "selects User, Group, Site or Team items, not " + type));
      return errors;
    }
    if (type != ItemType.User) {
      only(errors, "userTypes", rule.getUserTypes() != null, "User", type);
      only(errors, "offices", rule.getOffices() != null, "User", type);
      only(errors, "licensed", rule.getLicensed() != null, "User", type);
      only(errors, "licenseSku", rule.getLicenseSku() != null, "User", type);
    }
    if (type != ItemType.Group) {
      only(errors, "groupTypes", rule.getGroupTypes() != null, "Group", type);
    }
    if (type != ItemType.Site) {
      only(errors, "urlPattern", rule.getUrlPattern() != null, "Site", type);
      only(errors, "personal", rule.getPersonal() != null, "Site", type);
    } else if (rule.getNamePattern() != null) {
      errors.add(new FieldError("namePattern", "a Site rule matches by urlPattern, not namePattern"));
    }
    pattern(errors, "namePattern", rule.getNamePattern());
    pattern(errors, "urlPattern", rule.getUrlPattern());
    if (rule.getLicenseSku() != null && rule.getLicenseSku().isBlank()) {
      errors.add(new FieldError("licenseSku", "cannot be empty"));
    }
    if (Boolean.FALSE.equals(rule.getLicensed()) && rule.getLicenseSku() != null) {
      errors.add(new FieldError("licenseSku", "contradicts licensed: false (a user without licences holds none)"));
    }
    if (rule.getOffices() != null) {
      for (int i = 0; i < rule.getOffices().size(); i++) {
        String office = rule.getOffices().get(i);
        if (office == null || office.isBlank()) {
          errors.add(new FieldError("offices[" + i + "]", "cannot be empty"));
        }
      }
    }
    if (empty(rule.getUserTypes()) || empty(rule.getOffices()) || empty(rule.getGroupTypes())) {
      errors.add(new FieldError("", "an empty list matches nothing: leave the condition out, or name a value"));
    }
    if (rule.getMaxItems() != null && (rule.getMaxItems() < 1 || rule.getMaxItems() > 5000)) {
      errors.add(new FieldError("maxItems", "between 1 and 5000, got " + rule.getMaxItems()));
    }
    return errors;
  }

  private static void only(List<FieldError> errors, String field, boolean present, String applies, ItemType type) {
    if (present) {
      errors.add(new FieldError(field, "applies only to " + applies + " rules, not to " + type));
    }
  }

  private static void pattern(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return;
    }
    if (value.isBlank()) {
      errors.add(new FieldError(field, "cannot be empty; leave it out to match every name"));
    } else if (value.chars().anyMatch(Character::isWhitespace)) {
      errors.add(new FieldError(field, "\"" + value + "\" contains whitespace; patterns use * and ?, e.g. "
          + "*@contoso.com"));
    } else if (value.length() > 512) {
      errors.add(new FieldError(field, "at most 512 characters"));
    }
  }

  private static boolean empty(List<?> list) {
    return list != null && list.isEmpty();
  }

}
