package quarry.core.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import quarry.core.jinja.Token.Kind;

/** Jinja2's expression grammar, precedence lowest first: if-else, or, and, not, comparisons, +/-, ~, * / // %, **, unary, postfix, filters and tests. */
final class ExpressionParser {
    private static final Set<String> COMPARE_OPS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private final Parser p;
    private final CallSyntaxParser calls;

    ExpressionParser(Parser parser) {
        this.p = parser;
        this.calls = new CallSyntaxParser(parser, this);
    }

    /** Filter parsing for filter blocks and block sets. */
    Expr.Filter parseFilter(Expr input) {
        return calls.parseFilter(input);
    }

    Expr parseTuple(boolean simplified, boolean withCondexpr, Set<String> extraEnd, boolean explicitParentheses) {
        Pos pos = p.pos(p.current());
        List<Expr> items = new ArrayList<>();
        boolean isTuple = false;
        while (true) {
            if (!items.isEmpty()) {
                p.expect(Kind.OP, ",");
            }
            if (p.isTupleEnd(extraEnd)) {
                break;
            }
            items.add(simplified ? parsePrimary() : parseExpression(withCondexpr));
            if (p.current().isOp(",")) {
                isTuple = true;
            } else {
                break;
            }
        }
        if (!isTuple) {
            if (!items.isEmpty()) {
                return items.get(0);
            }
            if (!explicitParentheses) {
                throw p.error("Expected an expression, got " + p.current().describe(), p.current());
            }
        }
        return new Expr.ListLiteral(pos, items, true);
    }

    Expr parseExpression(boolean withCondexpr) {
        return withCondexpr ? parseCondexpr() : parseOr();
    }

    private Expr parseCondexpr() {
        Pos pos = p.pos(p.current());
        int mark = p.unknownHard.size();
        Expr expr = parseOr();
        while (p.current().isName("if")) {
            p.next();
            // an inline if is a soft frame: unknown filters in any of its parts fail only when evaluated
            p.unknownHard.subList(mark, p.unknownHard.size()).clear();
            boolean outerSoft = p.soft;
            p.soft = true;
            try {
                Expr test = parseOr();
                Expr otherwise = p.skipName("else") ? parseCondexpr() : null;
                expr = new Expr.Conditional(pos, test, expr, otherwise);
            } finally {
                p.soft = outerSoft;
            }
        }
        return expr;
    }

    private Expr parseOr() {
        Pos pos = p.pos(p.current());
        Expr left = parseAnd();
        while (p.skipName("or")) {
            left = new Expr.Binary(pos, "or", left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        Pos pos = p.pos(p.current());
        Expr left = parseNot();
        while (p.skipName("and")) {
            left = new Expr.Binary(pos, "and", left, parseNot());
        }
        return left;
    }

    private Expr parseNot() {
        Token t = p.current();
        if (t.isName("not")) {
            p.next();
            return new Expr.Unary(p.pos(t), "not", parseNot());
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        Pos pos = p.pos(p.current());
        Expr first = parseMath1();
        List<String> ops = new ArrayList<>();
        List<Expr> operands = new ArrayList<>();
        while (true) {
            Token t = p.current();
            if (t.kind() == Kind.OP && COMPARE_OPS.contains(t.text())) {
                p.next();
                ops.add(t.text());
            } else if (t.isName("in")) {
                p.next();
                ops.add("in");
            } else if (t.isName("not") && p.peek(1).isName("in")) {
                p.next();
                p.next();
                ops.add("notin");
            } else {
                break;
            }
            operands.add(parseMath1());
        }
        return ops.isEmpty() ? first : new Expr.Compare(pos, first, ops, operands);
    }

    private Expr parseMath1() {
        Pos pos = p.pos(p.current());
        Expr left = parseConcat();
        while (p.current().isOp("+") || p.current().isOp("-")) {
            String op = p.next().text();
            left = new Expr.Binary(pos, op, left, parseConcat());
        }
        return left;
    }

    private Expr parseConcat() {
        Pos pos = p.pos(p.current());
        Expr left = parseMath2();
        while (p.skipOp("~")) {
            left = new Expr.Binary(pos, "~", left, parseMath2());
        }
        return left;
    }

    private Expr parseMath2() {
        Pos pos = p.pos(p.current());
        Expr left = parsePow();
        while (true) {
            Token t = p.current();
            if (t.isOp("*") || t.isOp("/") || t.isOp("//") || t.isOp("%")) {
                p.next();
                left = new Expr.Binary(pos, t.text(), left, parsePow());
            } else {
                return left;
            }
        }
    }

    private Expr parsePow() {
        Pos pos = p.pos(p.current());
        Expr left = parseUnary(true);
        while (p.skipOp("**")) {
            left = new Expr.Binary(pos, "**", left, parseUnary(true));
        }
        return left;
    }

    private Expr parseUnary(boolean withFilter) {
        Token t = p.current();
        Expr node;
        if (t.isOp("-") || t.isOp("+")) {
            p.next();
            node = new Expr.Unary(p.pos(t), t.text(), parseUnary(false));
        } else {
            node = parsePrimary();
        }
        node = parsePostfix(node);
        if (withFilter) {
            node = parseFilterExpr(node);
        }
        return node;
    }

    Expr parsePrimary() {
        Token t = p.current();
        Pos pos = p.pos(t);
        switch (t.kind()) {
            case NAME -> {
                p.next();
                switch (t.text()) {
                    case "true", "True" -> {
                        return new Expr.Const(pos, true);
                    }
                    case "false", "False" -> {
                        return new Expr.Const(pos, false);
                    }
                    case "none", "None" -> {
                        return new Expr.Const(pos, null);
                    }
                    default -> {
                        for (java.util.Set<String> names : p.referencedNames) {
                            names.add(t.text());
                        }
                        return new Expr.Name(pos, t.text());
                    }
                }
            }
            case STRING -> {
                StringBuilder value = new StringBuilder();
                while (p.current().kind() == Kind.STRING) {
                    value.append((String) p.next().value());
                }
                return new Expr.Const(pos, value.toString());
            }
            case INT, FLOAT -> {
                p.next();
                return new Expr.Const(pos, t.value());
            }
            case OP -> {
                if (t.isOp("(")) {
                    p.next();
                    Expr inner = parseTuple(false, true, Set.of(), true);
                    p.expect(Kind.OP, ")");
                    return inner;
                }
                if (t.isOp("[")) {
                    return parseList();
                }
                if (t.isOp("{")) {
                    return parseDict();
                }
                throw p.error("unexpected " + t.describe(), t);
            }
            default -> throw p.error("unexpected " + t.describe(), t);
        }
    }

    private Expr parseList() {
        Pos pos = p.pos(p.expect(Kind.OP, "["));
        List<Expr> items = new ArrayList<>();
        while (!p.current().isOp("]")) {
            if (!items.isEmpty()) {
                p.expect(Kind.OP, ",");
            }
            if (p.current().isOp("]")) {
                break;
            }
            items.add(parseExpression(true));
        }
        p.expect(Kind.OP, "]");
        return new Expr.ListLiteral(pos, items, false);
    }

    private Expr parseDict() {
        Pos pos = p.pos(p.expect(Kind.OP, "{"));
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!p.current().isOp("}")) {
            if (!keys.isEmpty()) {
                p.expect(Kind.OP, ",");
            }
            if (p.current().isOp("}")) {
                break;
            }
            keys.add(parseExpression(true));
            p.expect(Kind.OP, ":");
            values.add(parseExpression(true));
        }
        p.expect(Kind.OP, "}");
        return new Expr.DictLiteral(pos, keys, values);
    }

    Expr parsePostfix(Expr node) {
        while (true) {
            Token t = p.current();
            if (t.isOp(".") || t.isOp("[")) {
                node = parseSubscript(node);
            } else if (t.isOp("(")) {
                node = new Expr.Call(node.pos, node, calls.parseCallArgs());
            } else {
                return node;
            }
        }
    }

    private Expr parseFilterExpr(Expr node) {
        while (true) {
            Token t = p.current();
            if (t.isOp("|")) {
                p.next();
                node = calls.parseFilter(node);
            } else if (t.isName("is")) {
                p.next();
                node = calls.parseTest(node, t);
            } else if (t.isOp("(")) {
                node = new Expr.Call(p.pos(t), node, calls.parseCallArgs());
            } else {
                return node;
            }
        }
    }

    private Expr parseSubscript(Expr node) {
        Token t = p.next();
        Pos pos = node.pos;
        if (t.isOp(".")) {
            Token attr = p.next();
            if (attr.kind() == Kind.NAME) {
                if (node instanceof Expr.Name owner) {
                    for (java.util.Set<String> names : p.referencedNames) {
                        names.add(owner.name + "." + attr.text());
                    }
                }
                return new Expr.GetAttr(pos, node, attr.text());
            }
            if (attr.kind() == Kind.INT) {
                return new Expr.GetItem(pos, node, new Expr.Const(pos, attr.value()));
            }
            throw p.error("expected name or number", attr);
        }
        List<Expr> args = new ArrayList<>();
        while (!p.current().isOp("]")) {
            if (!args.isEmpty()) {
                p.expect(Kind.OP, ",");
            }
            args.add(parseSubscribed());
        }
        p.expect(Kind.OP, "]");
        Expr key = args.size() == 1 ? args.get(0) : new Expr.ListLiteral(pos, args, true);
        return new Expr.GetItem(pos, node, key);
    }

    private Expr parseSubscribed() {
        Pos pos = p.pos(p.current());
        Expr start = null;
        if (p.current().isOp(":")) {
            p.next();
        } else {
            Expr node = parseExpression(true);
            if (!p.current().isOp(":")) {
                return node;
            }
            p.next();
            start = node;
        }
        Expr stop = null;
        Expr step = null;
        if (!p.current().isOp(":") && !p.current().isOp("]") && !p.current().isOp(",")) {
            stop = parseExpression(true);
        }
        if (p.skipOp(":")) {
            if (!p.current().isOp("]") && !p.current().isOp(",")) {
                step = parseExpression(true);
            }
        }
        return new Expr.SliceExpr(pos, start, stop, step);
    }

}
