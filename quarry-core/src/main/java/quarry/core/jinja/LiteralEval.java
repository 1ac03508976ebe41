package quarry.core.jinja;

/** Python's {@code ast.literal_eval}, on the expression grammar: only literal nodes are allowed. */
final class LiteralEval {
    private LiteralEval() {
    }

    static Object eval(JinjaEnvironment env, String text) {
        Template template;
        try {
            template = env.parse("<literal>", "{{ " + text.strip() + " }}");
        } catch (JinjaException e) {
            throw new JinjaException("malformed node or string: " + Py.repr(text));
        }
        Stmt.Body root = template.root();
        if (root.statements.length != 1 || !(root.statements[0] instanceof Stmt.Print print) || !isLiteral(print.expr)) {
            throw new JinjaException("malformed node or string: " + Py.repr(text));
        }
        return template.evaluate(env.newContext());
    }

    private static boolean isLiteral(Expr e) {
        if (e instanceof Expr.Const) {
            return true;
        }
        if (e instanceof Expr.Unary u) {
            return !u.op.equals("not") && u.operand instanceof Expr.Const c && Py.isNumber(c.value);
        }
        if (e instanceof Expr.ListLiteral l) {
            for (Expr item : l.items) {
                if (!isLiteral(item)) {
                    return false;
                }
            }
            return true;
        }
        if (e instanceof Expr.DictLiteral d) {
            for (int i = 0; i < d.keys.length; i++) {
                if (!isLiteral(d.keys[i]) || !isLiteral(d.values[i])) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
