package quarry.core.jinja;

import java.util.ArrayList;
import java.util.List;

/** {@code {% for target in items [if test] [recursive] %}...{% else %}...{% endfor %}}. */
final class ForLoop extends Stmt {
    final Stmt.Target target;
    final Expr items;
    final Expr test;
    final Stmt.Body body;
    final Stmt.Body otherwise;
    final boolean recursive;

    ForLoop(Pos pos, Stmt.Target target, Expr items, Expr test, Stmt.Body body, Stmt.Body otherwise,
            boolean recursive) {
        super(pos);
        this.target = target;
        this.items = items;
        this.test = test;
        this.body = body;
        this.otherwise = otherwise;
        this.recursive = recursive;
    }

    @Override
    void execute(Frame frame, StringBuilder out) {
        run(frame, items.eval(frame), 1, out);
    }

    void run(Frame frame, Object iterable, int depth, StringBuilder out) {
        List<?> values = Py.iterate(iterable);
        if (test != null) {
            List<Object> kept = new ArrayList<>(values.size());
            for (Object v : values) {
                Frame probe = frame.child();
                target.assign(probe, v);
                if (Py.truthy(test.eval(probe))) {
                    kept.add(v);
                }
            }
            values = kept;
        }
        if (values.isEmpty()) {
            if (otherwise != null) {
                otherwise.render(frame.child(), out); // Jinja2 gives else its own scope
            }
            return;
        }
        LoopContext loop = new LoopContext(this, frame, values, depth);
        boolean completed = false; // Jinja2 runs else unless some iteration reached the end of the body
        for (int i = 0; i < values.size(); i++) {
            loop.index0 = i;
            Frame iteration = frame.child();
            iteration.set("loop", loop);
            target.assign(iteration, values.get(i));
            try {
                body.render(iteration, out);
                completed = true;
            } catch (ControlFlow flow) {
                if (flow == ControlFlow.BREAK) {
                    break;
                }
                if (flow != ControlFlow.CONTINUE) {
                    throw flow;
                }
            }
        }
        if (!completed && otherwise != null) {
            otherwise.render(frame.child(), out); // Jinja2 gives else its own scope
        }
    }
}
