package org.plenary.curation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.plenary.seed.Column;
import org.plenary.seed.TableSpec;

/**
 * An operation whose collection, fields and values obey the dataset's rules: the same column types
 * and vocabularies ({@link org.plenary.seed.Schema}, {@link Column#parse}) that the loader applies
 * to seed-data. Each violation names its field, e.g. {@code set.stance}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidOperation.Validator.class)
public @interface ValidOperation {
  String message() default "invalid operation";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks one operation against the schema. */
  class Validator implements ConstraintValidator<ValidOperation, ChangeRequest.Operation> {
    @Override
    public boolean isValid(ChangeRequest.Operation op, ConstraintValidatorContext ctx) {
      if (op == null || op.op() == null || op.collection() == null) {
        return true; // @NotNull reports these
      }
      ctx.disableDefaultConstraintViolation();
      boolean ok = true;
      if (!List.of("create", "update", "delete").contains(op.op())) {
        return fail(ctx, "op", "must be create, update or delete (got '" + op.op() + "')");
      }
      TableSpec spec = RecordStore.editable(op.collection()).orElse(null);
      if (spec == null) {
        return fail(
            ctx,
            "collection",
            "'"
                + op.collection()
                + "' cannot be edited; collections: "
                + String.join(", ", RecordStore.editableNames()));
      }
      switch (op.op()) {
        case "create" -> {
          if (op.record() == null || op.set() != null) {
            return fail(ctx, "record", "a create gives the whole record in 'record' (no 'set')");
          }
          if (op.base() != null) {
            ok &= fail(ctx, "base", "a record being created has no base");
          }
          Object id = op.record().get("id");
          if (id != null && !id.equals(op.id())) {
            ok &= fail(ctx, "record.id", "differs from the operation's id '" + op.id() + "'");
          }
          ok &= unknownFields(ctx, spec, op.record(), "record");
          for (Column c : spec.columns()) {
            if (!c.name().equals("id")) { // the operation's id is checked on its own (@Pattern)
              ok &= value(ctx, "record." + c.name(), c, op.record().get(c.name()));
            }
          }
        }
        case "update" -> {
          if (op.set() == null || op.set().isEmpty() || op.record() != null) {
            return fail(ctx, "set", "an update gives the fields to change in 'set' (no 'record')");
          }
          if (op.set().containsKey("id")) {
            ok &= fail(ctx, "set.id", "an id never changes: delete and create instead");
          }
          ok &= unknownFields(ctx, spec, op.set(), "set");
          for (var e : op.set().entrySet()) {
            if (!e.getKey().equals("id") && has(spec, e.getKey())) {
              ok &= value(ctx, "set." + e.getKey(), spec.column(e.getKey()), e.getValue());
            }
          }
        }
        default -> {
          if (op.set() != null || op.record() != null) {
            ok &= fail(ctx, "set", "a delete takes neither 'set' nor 'record'");
          }
        }
      }
      if (!op.op().equals("create") && (op.base() == null || op.base().isBlank())) {
        ok &=
            fail(
                ctx,
                "base",
                "is required: the record's tag as you saw it (GET /v1/changes/records/"
                    + op.collection()
                    + "/"
                    + op.id()
                    + ")");
      }
      boolean cites = !spec.table().equals("source");
      if (cites && !op.op().equals("delete") && (op.sources() == null || op.sources().isEmpty())) {
        ok &=
            fail(
                ctx,
                "sources",
                "every created or changed record cites a source (an existing one, or one created"
                    + " earlier in the same change set)");
      }
      return ok;
    }

    private static boolean unknownFields(
        ConstraintValidatorContext ctx, TableSpec spec, Map<String, Object> values, String where) {
      boolean ok = true;
      for (String k : values.keySet()) {
        if (!has(spec, k)) {
          ok &=
              fail(
                  ctx,
                  where + "." + k,
                  "unknown field of "
                      + spec.table()
                      + "; its fields are "
                      + String.join(", ", spec.header()));
        }
      }
      return ok;
    }

    private static boolean has(TableSpec spec, String name) {
      return spec.columns().stream().anyMatch(c -> c.name().equals(name));
    }

    private static boolean value(ConstraintValidatorContext ctx, String field, Column c, Object v) {
      try {
        c.parse(RecordStore.raw(v));
        return true;
      } catch (IllegalArgumentException e) {
        return fail(ctx, field, e.getMessage());
      }
    }

    private static boolean fail(ConstraintValidatorContext ctx, String field, String message) {
      ctx.buildConstraintViolationWithTemplate(escape(message))
          .addPropertyNode(field)
          .addConstraintViolation();
      return false;
    }

    /** Messages are templates: braces and dollars in values must not be interpolated. */
    private static String escape(String s) {
      return s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
  }
}
