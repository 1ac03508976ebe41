package quarry.bench;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quarry.core.jinja.Context;
import quarry.core.jinja.JinjaCallable;
import quarry.core.jinja.JinjaEnvironment;
import quarry.core.jinja.Template;

/**
 * Renders the models of a generated dbt project (each a {@code config()} call, a
 * {@code {% set %}} list, a {@code for} loop and a few {@code ref()} calls) with Quarry's Jinja
 * engine and with Jinjava, on the same templates in the same run, and prints templates per second
 * for each and the ratio. Both engines parse every template once and then render the parsed form;
 * Jinjava's one-call {@code render(String, Map)} (parse and render) is printed too.
 *
 * <p>Usage: {@code java -cp bench/target/quarry-bench.jar quarry.bench.JinjaBench [models] [rounds]}
 */
public final class JinjaBench {
    private static final String[] METHODS = {"credit_card", "coupon", "bank_transfer", "gift_card"};

    private JinjaBench() {
    }

    public static void main(String[] args) {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> sources = generate(models);

        JinjaEnvironment env = JinjaEnvironment.standard();
        JinjaCallable config = a -> "";
        JinjaCallable ref = a -> "\"analytics\".\"" + a.get(a.size() - 1) + "\"";

        Jinjava jinjava = new Jinjava();
        jinjava.registerFunction(new ELFunctionDefinition("", "config", JinjaBench.class, "jinjavaConfig", Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "ref", JinjaBench.class, "jinjavaRef", Object[].class));

        long t0 = System.nanoTime();
        List<Template> templates = new ArrayList<>(models);
        for (int i = 0; i < models; i++) {
            templates.add(env.parse("models/model_" + i + ".sql", sources.get(i)));
        }
        double quarryParseSeconds = seconds(t0);

        t0 = System.nanoTime();
        List<Node> nodes = new ArrayList<>(models);
        for (String source : sources) {
            nodes.add(jinjava.newInterpreter().parse(source));
        }
        double jinjavaParseSeconds = seconds(t0);

        int mismatches = 0;
        for (int i = 0; i < models; i++) {
            String q = renderQuarry(env, templates.get(i), config, ref);
            String j = renderJinjava(jinjava, nodes.get(i));
            // Jinja2 (and so Quarry) drops the template's final newline; Jinjava keeps it
            if (!q.equals(j) && !(q + "\n").equals(j)) {
                if (mismatches == 0) {
                    System.out.println("first differing output (model " + i + "):\n--- quarry\n" + q + "\n--- jinjava\n" + j);
                }
                mismatches++;
            }
        }

        double quarryBest = Double.MAX_VALUE;
        double jinjavaBest = Double.MAX_VALUE;
        double jinjavaOneCallBest = Double.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < rounds + 1; round++) {
            long start = System.nanoTime();
            for (Template t : templates) {
                sink += renderQuarry(env, t, config, ref).length();
            }
            double q = seconds(start);
            start = System.nanoTime();
            for (Node n : nodes) {
                sink += renderJinjava(jinjava, n).length();
            }
            double j = seconds(start);
            start = System.nanoTime();
            for (String s : sources) {
                sink += jinjava.render(s, java.util.Map.of()).length();
            }
            double j1 = seconds(start);
            if (round > 0) { // round 0 warms the JIT up
                quarryBest = Math.min(quarryBest, q);
                jinjavaBest = Math.min(jinjavaBest, j);
                jinjavaOneCallBest = Math.min(jinjavaOneCallBest, j1);
            }
        }

        System.out.printf(Locale.ROOT, "JinjaBench: %d generated models, best of %d rounds after 1 warm-up (output bytes %d)%n",
                models, rounds, sink);
        System.out.printf(Locale.ROOT, "outputs identical between engines (but Jinja2's dropped final newline): %s%n",
                mismatches == 0 ? "yes, all " + models : "NO, " + mismatches + " differ");
        System.out.printf(Locale.ROOT, "parse once   quarry  %,12.0f templates/s%n", models / quarryParseSeconds);
        System.out.printf(Locale.ROOT, "parse once   jinjava %,12.0f templates/s%n", models / jinjavaParseSeconds);
        System.out.printf(Locale.ROOT, "render       quarry  %,12.0f templates/s%n", models / quarryBest);
        System.out.printf(Locale.ROOT, "render       jinjava %,12.0f templates/s   (pre-parsed nodes)%n", models / jinjavaBest);
        System.out.printf(Locale.ROOT, "render       jinjava %,12.0f templates/s   (render(String, Map): parse + render)%n",
                models / jinjavaOneCallBest);
        System.out.printf(Locale.ROOT, "ratio quarry/jinjava render: %.1fx (target >= 5x); vs render(String, Map): %.1fx%n",
                jinjavaBest / quarryBest, jinjavaOneCallBest / quarryBest);
    }

    private static String renderQuarry(JinjaEnvironment env, Template template, JinjaCallable config, JinjaCallable ref) {
        Context ctx = env.newContext().set("config", config).set("ref", ref);
        return template.render(ctx);
    }

    private static String renderJinjava(Jinjava jinjava, Node node) {
        JinjavaInterpreter interpreter = jinjava.newInterpreter();
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return interpreter.render(node);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** Jinjava's {@code config(...)}: records nothing, renders nothing (as at compile time in dbt). */
    public static String jinjavaConfig(Object... args) {
        return "";
    }

    /** Jinjava's {@code ref(...)}: the quoted relation of the last argument. */
    public static String jinjavaRef(Object... args) {
        return "\"analytics\".\"" + args[args.length - 1] + "\"";
    }

    static List<String> generate(int models) {
        List<String> out = new ArrayList<>(models);
        for (int i = 0; i < models; i++) {
            StringBuilder s = new StringBuilder();
            s.append("{{ config(materialized='table', tags=['nightly', 'group_").append(i % 10).append("']) }}\n");
            s.append("{% set payment_methods = ['");
            for (int m = 0; m < METHODS.length; m++) {
                s.append(m > 0 ? "', '" : "").append(METHODS[m]);
            }
            s.append("'] %}\n\n");
            s.append("with orders as (\n    select * from {{ ref('stg_orders_").append(i).append("') }}\n),\n\n");
            s.append("payments as (\n    select * from {{ ref('stg_payments_").append(i).append("') }}\n),\n\n");
            s.append("customers as (\n    select * from {{ ref('customers_").append(i % 100).append("') }}\n),\n\n");
            s.append("order_payments as (\n    select\n        order_id,\n");
            s.append("        {% for payment_method in payment_methods -%}\n");
            s.append("        sum(case when payment_method = '{{ payment_method }}' then amount else 0 end)"
                    + " as {{ payment_method }}_amount,\n");
            s.append("        {% endfor -%}\n");
            s.append("        sum(amount) as total_amount\n    from payments\n    group by order_id\n)\n\n");
            s.append("select orders.*, order_payments.total_amount from orders\n");
            s.append("left join order_payments on orders.order_id = order_payments.order_id\n");
            s.append("{% if ").append(i % 2).append(" == 1 %}where orders.status != 'returned'{% endif %}\n");
            out.add(s.toString());
        }
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
