package quarry.server.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal translator for tests: renders expressions made of literals, operators and function
 * calls to DuckDB SQL through the catalog, the way the server's translator does for these nodes.
 */
final class ScalarExpressionRenderer {

    private final RocksetFunctions functions;

    ScalarExpressionRenderer(RocksetFunctions functions) {
        this.functions = functions;
    }

    String render(Expression expression) {
        if (expression instanceof Expression.Literal literal) {
            return RocksetOperators.literal(literal);
        }
        if (expression instanceof Expression.FunctionCall call) {
            List<String> arguments = new ArrayList<>();
            for (Expression argument : call.arguments()) {
                arguments.add(render(argument));
            }
            StringBuilder orderBy = new StringBuilder();
            for (SortItem item : call.orderBy()) {
                orderBy.append(orderBy.isEmpty() ? "" : ", ").append(render(item.expression()))
                        .append(' ').append(item.direction());
            }
            String sql = functions.render(call, arguments, orderBy.toString());
            return call.over().map(window -> sql + " OVER (" + window(window) + ")").orElse(sql);
        }
        if (expression instanceof Expression.Binary binary) {
            return RocksetOperators.binary(binary.operator(), render(binary.left()), render(binary.right()));
        }
        if (expression instanceof Expression.Unary unary) {
            return RocksetOperators.unary(unary.operator(), render(unary.operand()));
        }
        if (expression instanceof Expression.Cast cast) {
            return RocksetOperators.cast(render(cast.value()), cast.type(), cast.safe());
        }
        if (expression instanceof Expression.Extract extract) {
            return RocksetOperators.extract(extract, render(extract.source()));
        }
        if (expression instanceof Expression.AtTimeZone at) {
            return RocksetOperators.atTimeZone(render(at.value()), render(at.zone()));
        }
        if (expression instanceof Expression.ArrayConstructor array) {
            List<String> elements = new ArrayList<>();
            for (Expression element : array.elements()) {
                elements.add(render(element));
            }
            return "[" + String.join(", ", elements) + "]";
        }
        if (expression instanceof Expression.Subscript subscript) {
            return "(" + render(subscript.base()) + ")[" + render(subscript.index()) + "]";
        }
        if (expression instanceof Expression.FieldReference field && field.path().size() == 1) {
            return RocksetOperators.identifier(field.last().name());
        }
        if (expression instanceof Expression.IsNull isNull) {
            return "(" + render(isNull.value()) + (isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
        }
        throw new IllegalArgumentException("not rendered in tests: " + expression);
    }

    private String window(WindowSpec window) {
        StringBuilder sql = new StringBuilder();
        if (!window.partitionBy().isEmpty()) {
            List<String> keys = new ArrayList<>();
            window.partitionBy().forEach(key -> keys.add(render(key)));
            sql.append("PARTITION BY ").append(String.join(", ", keys));
        }
        if (!window.orderBy().isEmpty()) {
            List<String> keys = new ArrayList<>();
            window.orderBy().forEach(item -> keys.add(render(item.expression()) + " " + item.direction()));
            sql.append(sql.isEmpty() ? "" : " ").append("ORDER BY ").append(String.join(", ", keys));
        }
        return sql.toString();
    }
}
