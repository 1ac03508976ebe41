package quarry.server.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import quarry.server.sql.Expression;
import quarry.server.sql.Expression.FieldReference;
import quarry.server.sql.SortItem;
import quarry.server.sql.WindowSpec;

/**
 * Window specs ({@code OVER (...)}), ORDER BY items (which may name a select item or its
 * ordinal) and integer literals used as ordinals, LIMIT and frame offsets, to DuckDB SQL.
 */
final class OrderingTranslator {

    private final ExpressionTranslator expressions;

    OrderingTranslator(ExpressionTranslator expressions) {
        this.expressions = expressions;
    }


    String window(WindowSpec w, Scope scope) {
        StringBuilder sb = new StringBuilder(" OVER (");
        if (!w.partitionBy().isEmpty()) {
            sb.append("PARTITION BY ").append(String.join(", ", expressions.translateAll(w.partitionBy(), scope)
                    .stream().map(s -> ExpressionTranslator.scalar(s).text()).toList()));
        }
        if (!w.orderBy().isEmpty()) {
            sb.append(w.partitionBy().isEmpty() ? "" : " ").append("ORDER BY ").append(orderBy(w.orderBy(), scope,
                    null));
        }
        if (w.frame().isPresent()) {
            WindowSpec.Frame f = w.frame().get();
            sb.append(' ').append(f.unit().name()).append(' ');
            if (f.end().isPresent()) {
                sb.append("BETWEEN ").append(bound(f.start(), scope)).append(" AND ").append(bound(f.end().get(), scope));
            } else {
                sb.append(bound(f.start(), scope));
            }
        }
        return sb.append(')').toString();
    }

    private String bound(WindowSpec.Bound b, Scope scope) {
        return switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            case CURRENT_ROW -> "CURRENT ROW";
            case PRECEDING -> rawNumber(b.offset().orElseThrow(), scope) + " PRECEDING";
            case FOLLOWING -> rawNumber(b.offset().orElseThrow(), scope) + " FOLLOWING";
        };
    }

    /** An integer literal as a bare number (ordinals, LIMIT, frame offsets), else the expression. */
    String rawNumber(Expression e, Scope scope) {
        if (e instanceof Expression.IntegerLiteral i) {
            return Long.toString(i.value());
        }
        return expressions.translate(e, scope).text();
    }

    /** ORDER BY items; {@code outputs} (may be null) lets a bare name or ordinal refer to a select item. */
    String orderBy(List<SortItem> items, Scope scope, List<Translated.Output> outputs) {
        List<String> parts = new ArrayList<>();
        for (SortItem item : items) {
            String key = outputReference(item.expression(), outputs).orElseGet(
                    () -> ExpressionTranslator.scalar(expressions.translate(item.expression(), scope)).text());
            String part = key + " " + item.direction().name();
            if (item.nulls().isPresent()) {
                part += " NULLS " + item.nulls().get().name();
            }
            parts.add(part);
        }
        return String.join(", ", parts);
    }

    Optional<String> outputReference(Expression e, List<Translated.Output> outputs) {
        if (e instanceof Expression.IntegerLiteral i) {
            return Optional.of(Long.toString(i.value()));
        }
        if (outputs != null && e instanceof FieldReference f && f.path().size() == 1) {
            for (Translated.Output o : outputs) {
                if (!o.hidden() && o.name().equals(f.path().get(0).name())) {
                    return Optional.of(TranslationContext.quote(o.label()));
                }
            }
        }
        return Optional.empty();
    }
}
