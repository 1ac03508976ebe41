package quarry.server.query;

import java.util.List;
import java.util.Locale;
import quarry.server.query.ExpressionTranslator.Sql;
import quarry.server.query.Scope.Kind;
import quarry.server.sql.Expression;
import quarry.server.sql.SourcePosition;

/**
 * Binds {@code sql.parameters} (spec §4.7.1): {@code :name} to the parameter of that name,
 * {@code :1…:n} to the unnamed ones in order (the JDBC driver's), each as a typed SQL literal
 * from its {@code type} and string {@code value}.
 */
final class Parameters {

    private Parameters() {}

    static Sql bind(Expression.Parameter p, List<QueryParameter> parameters) {
        QueryParameter found = null;
        if (p.positional()) {
            int index = Integer.parseInt(p.name()) - 1;
            List<QueryParameter> unnamed = parameters.stream()
                    .filter(q -> q.name() == null || q.name().isEmpty() || q.name().equals(p.name())).toList();
            if (index >= 0 && index < unnamed.size()) {
                found = unnamed.get(index);
            }
        } else {
            for (QueryParameter q : parameters) {
                if (p.name().equals(q.name())) {
                    found = q;
                }
            }
        }
        if (found == null) {
            throw QueryException.sql("Parameter :" + p.name() + " is not defined in sql.parameters",
                    p.position().line(), p.position().column(), null);
        }
        return value(found, p.position());
    }

    private static Sql value(QueryParameter q, SourcePosition at) {
        String type = q.type() == null ? "string" : q.type().toLowerCase(Locale.ROOT);
        String value = q.value();
        if (value == null || type.equals("null")) {
            return Sql.of("NULL", Kind.OTHER);
        }
        try {
            return switch (type) {
                case "int", "integer", "int64", "bigint" -> Sql.of("CAST(" + Long.parseLong(value.trim()) + " AS BIGINT)",
                        Kind.NUMBER);
                case "float", "double", "double precision" -> Sql.of("CAST(" + Double.parseDouble(value.trim())
                        + " AS DOUBLE)", Kind.NUMBER);
                case "bool", "boolean" -> Sql.of(Boolean.parseBoolean(value.trim()) ? "true" : "false", Kind.BOOL);
                case "date", "time", "datetime", "timestamp" -> ExpressionTranslator.typedLiteral(type, value, at);
                default -> Sql.of(TranslationContext.literal(value), Kind.STRING);
            };
        } catch (NumberFormatException e) {
            throw QueryException.sql("Parameter " + (q.name() == null ? "" : ":" + q.name() + " ") + "value \"" + value
                    + "\" is not a valid " + type, at.line(), at.column(), null);
        }
    }
}
