package quarry.core.jinja;

import java.util.ArrayList;
import java.util.List;
import quarry.core.jinja.Token.Kind;

/** The call-like parts of expressions: argument lists, {@code |filter(...)} and {@code is test(...)}. */
final class CallSyntaxParser {
    private final Parser p;
    private final ExpressionParser expressions;

    CallSyntaxParser(Parser parser, ExpressionParser expressions) {
        this.p = parser;
        this.expressions = expressions;
    }

    ArgList parseCallArgs() {
        Token open = p.expect(Kind.OP, "(");
        List<Expr> args = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Expr> kwargs = new ArrayList<>();
        Expr star = null;
        Expr starStar = null;
        boolean requireComma = false;
        while (!p.current().isOp(")")) {
            if (requireComma) {
                p.expect(Kind.OP, ",");
                if (p.current().isOp(")")) {
                    break;
                }
            }
            Token t = p.current();
            if (t.isOp("*")) {
                ensure(star == null && starStar == null, t);
                p.next();
                star = expressions.parseExpression(true);
            } else if (t.isOp("**")) {
                ensure(starStar == null, t);
                p.next();
                starStar = expressions.parseExpression(true);
            } else if (t.kind() == Kind.NAME && p.peek(1).isOp("=")) {
                ensure(starStar == null, t);
                p.next();
                p.next();
                names.add(t.text());
                kwargs.add(expressions.parseExpression(true));
            } else {
                ensure(star == null && starStar == null && names.isEmpty(), t);
                args.add(expressions.parseExpression(true));
            }
            requireComma = true;
        }
        p.expect(Kind.OP, ")");
        if (args.isEmpty() && names.isEmpty() && star == null && starStar == null) {
            return ArgList.NONE;
        }
        return new ArgList(args, names, kwargs, star, starStar);
    }

    private void ensure(boolean ok, Token at) {
        if (!ok) {
            throw p.error("Invalid argument syntax", at);
        }
    }

    /** An unknown filter or test: a compile error unless in a soft frame, and a runtime error when evaluated. */
    private JinjaFilter missing(Token at, String message) {
        if (!p.soft) {
            p.unknownHard.add(p.error(message + ".", at));
        }
        return (v, a) -> {
            throw new JinjaException(message + " found.");
        };
    }

    Expr.Filter parseFilter(Expr input) {
        Token nameToken = p.expect(Kind.NAME, null);
        StringBuilder name = new StringBuilder(nameToken.text());
        while (p.current().isOp(".")) {
            p.next();
            name.append('.').append(p.expect(Kind.NAME, null).text());
        }
        JinjaFilter filter = p.environment.filter(name.toString());
        if (filter == null) {
            filter = missing(nameToken, "No filter named '" + name + "'");
        }
        ArgList args = p.current().isOp("(") ? parseCallArgs() : ArgList.NONE;
        return new Expr.Filter(p.pos(nameToken), input, name.toString(), filter, args);
    }

    Expr parseTest(Expr input, Token is) {
        boolean negated = p.skipName("not");
        Token nameToken = p.expect(Kind.NAME, null);
        StringBuilder name = new StringBuilder(nameToken.text());
        while (p.current().isOp(".")) {
            p.next();
            name.append('.').append(p.expect(Kind.NAME, null).text());
        }
        JinjaTest test = p.environment.test(name.toString());
        if (test == null) {
            JinjaFilter fails = missing(nameToken, "No test named '" + name + "'");
            test = (v, a) -> fails.apply(v, a) != null;
        }
        ArgList args = ArgList.NONE;
        Token t = p.current();
        if (t.isOp("(")) {
            args = parseCallArgs();
        } else if ((t.kind() == Kind.NAME || t.kind() == Kind.STRING || t.kind() == Kind.INT || t.kind() == Kind.FLOAT
                || t.isOp("[") || t.isOp("{")) && !t.isName("else") && !t.isName("or") && !t.isName("and")) {
            if (t.isName("is")) {
                throw p.error("You cannot chain multiple tests with is", t);
            }
            Expr arg = expressions.parsePostfix(expressions.parsePrimary());
            args = new ArgList(List.of(arg), List.of(), List.of(), null, null);
        }
        return new Expr.Test(p.pos(is), input, test, args, negated);
    }
}
