package quarry.server.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a parsed statement: every expression and every relation, subqueries included, in
 * source order. Gives the collections a statement reads (a view's {@code entities}, a query's
 * {@code collections}) and the function calls to check before running it.
 */
public final class SyntaxTree {

    private final List<Expression> expressions = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final Set<String> cteNames = new LinkedHashSet<>();

    private SyntaxTree() {
    }

    /** Walks the whole statement. */
    public static SyntaxTree of(Statement statement) {
        SyntaxTree tree = new SyntaxTree();
        if (statement instanceof Statement.QueryStatement query) {
            tree.query(query.query());
        } else if (statement instanceof Statement.InsertInto insert) {
            tree.query(insert.query());
        }
        return tree;
    }

    /** Walks one query, e.g. a view's. */
    public static SyntaxTree of(Query query) {
        SyntaxTree tree = new SyntaxTree();
        tree.query(query);
        return tree;
    }

    /** Every expression, parents before their children. */
    public List<Expression> expressions() {
        return List.copyOf(expressions);
    }

    /** Every relation in FROM clauses, joins before their sides. */
    public List<Relation> relations() {
        return List.copyOf(relations);
    }

    public List<Expression.FunctionCall> functionCalls() {
        return expressions.stream().filter(Expression.FunctionCall.class::isInstance)
                .map(Expression.FunctionCall.class::cast).toList();
    }

    /** Names of the parameters used ({@code :name} gives {@code name}, {@code :1} gives {@code 1}), first use first. */
    public List<String> parameterNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Expression expression : expressions) {
            if (expression instanceof Expression.Parameter parameter) {
                names.add(parameter.name());
            }
        }
        return List.copyOf(names);
    }

    /**
     * The collections, views and aliases read, as {@code ws.name} in order of first appearance;
     * a bare name takes {@code defaultWorkspace}; names of CTEs are not collections.
     */
    public List<String> referencedCollections(String defaultWorkspace) {
        Set<String> names = new LinkedHashSet<>();
        for (Relation relation : relations) {
            if (relation instanceof Relation.Table table) {
                QualifiedName name = table.name();
                if (name.parts().size() == 1 && cteNames.contains(name.name().name())) {
                    continue;
                }
                String workspace = name.workspace().map(Identifier::name).orElse(defaultWorkspace);
                names.add(workspace + "." + name.name().name());
            }
        }
        return List.copyOf(names);
    }

    private void query(Query query) {
        for (Query.CommonTableExpression cte : query.with()) {
            cteNames.add(cte.name().name());
            query(cte.query());
        }
        body(query.body());
        query.orderBy().forEach(item -> expression(item.expression()));
        query.limit().ifPresent(this::expression);
        query.offset().ifPresent(this::expression);
    }

    private void body(QueryBody body) {
        if (body instanceof QueryBody.Select select) {
            for (SelectItem item : select.items()) {
                if (item instanceof SelectItem.Single single) {
                    expression(single.expression());
                }
            }
            select.from().forEach(this::relation);
            select.where().ifPresent(this::expression);
            select.groupBy().forEach(this::expression);
            select.having().ifPresent(this::expression);
        } else if (body instanceof QueryBody.SetOperation operation) {
            body(operation.left());
            body(operation.right());
        } else if (body instanceof QueryBody.Nested nested) {
            query(nested.query());
        }
    }

    private void relation(Relation relation) {
        relations.add(relation);
        if (relation instanceof Relation.Subquery subquery) {
            query(subquery.query());
        } else if (relation instanceof Relation.Unnest unnest) {
            expression(unnest.array());
        } else if (relation instanceof Relation.Join join) {
            relation(join.left());
            relation(join.right());
            join.on().ifPresent(this::expression);
        }
    }

    private void expression(Expression expression) {
        expressions.add(expression);
        for (Expression child : children(expression)) {
            expression(child);
        }
        if (expression instanceof Expression.InSubquery in) {
            query(in.query());
        } else if (expression instanceof Expression.Exists exists) {
            query(exists.query());
        } else if (expression instanceof Expression.ScalarSubquery scalar) {
            query(scalar.query());
        }
    }

    /** The direct sub-expressions of a node (subqueries excluded). */
    public static List<Expression> children(Expression expression) {
        List<Expression> children = new ArrayList<>();
        if (expression instanceof Expression.FieldAccess access) {
            children.add(access.base());
        } else if (expression instanceof Expression.Subscript subscript) {
            children.add(subscript.base());
            children.add(subscript.index());
        } else if (expression instanceof Expression.Unary unary) {
            children.add(unary.operand());
        } else if (expression instanceof Expression.Binary binary) {
            children.add(binary.left());
            children.add(binary.right());
        } else if (expression instanceof Expression.IsNull isNull) {
            children.add(isNull.value());
        } else if (expression instanceof Expression.IsUndefined isUndefined) {
            children.add(isUndefined.value());
        } else if (expression instanceof Expression.IsDistinctFrom distinct) {
            children.add(distinct.left());
            children.add(distinct.right());
        } else if (expression instanceof Expression.Between between) {
            children.add(between.value());
            children.add(between.low());
            children.add(between.high());
        } else if (expression instanceof Expression.InList in) {
            children.add(in.value());
            children.addAll(in.items());
        } else if (expression instanceof Expression.InSubquery in) {
            children.add(in.value());
        } else if (expression instanceof Expression.Like like) {
            children.add(like.value());
            children.add(like.pattern());
            like.escape().ifPresent(children::add);
        } else if (expression instanceof Expression.Case caseExpression) {
            caseExpression.operand().ifPresent(children::add);
            for (Expression.WhenClause when : caseExpression.whens()) {
                children.add(when.condition());
                children.add(when.result());
            }
            caseExpression.otherwise().ifPresent(children::add);
        } else if (expression instanceof Expression.Cast cast) {
            children.add(cast.value());
        } else if (expression instanceof Expression.FunctionCall call) {
            children.addAll(call.arguments());
            call.orderBy().forEach(item -> children.add(item.expression()));
            call.over().ifPresent(window -> windowChildren(window, children));
        } else if (expression instanceof Expression.Extract extract) {
            children.add(extract.source());
        } else if (expression instanceof Expression.AtTimeZone at) {
            children.add(at.value());
            children.add(at.zone());
        } else if (expression instanceof Expression.ArrayConstructor array) {
            children.addAll(array.elements());
        }
        return children;
    }

    private static void windowChildren(WindowSpec window, List<Expression> children) {
        children.addAll(window.partitionBy());
        window.orderBy().forEach(item -> children.add(item.expression()));
        window.frame().ifPresent(frame -> {
            frame.start().offset().ifPresent(children::add);
            frame.end().flatMap(WindowSpec.Bound::offset).ifPresent(children::add);
        });
    }

    /** Resolves every function call against the catalog; throws the first error, in source order. */
    public void checkFunctionCalls(RocksetFunctions functions) {
        for (Expression.FunctionCall call : functionCalls()) {
            functions.resolve(call);
        }
    }
}
