package quarry.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * dbt takes its flags before the command as well as after it ({@code dbt --debug run},
 * {@code dbt -q --log-format json build -s x}); picocli reads a command's options only after its
 * name, so the flags written before the command move to just after it (after the sub-command of
 * {@code docs generate} or {@code source freshness}), values included. {@code quarry}'s own help
 * and version flags, and flags only {@code quarry} knows, stay in front.
 */
final class GlobalFlags {

    private GlobalFlags() {}

    static String[] afterCommand(String[] args, CommandLine top) {
        int verb = -1;
        for (int i = 0; i < args.length; i++) {
            if (top.getSubcommands().containsKey(args[i])) {
                verb = i;
                break;
            }
        }
        if (verb <= 0) {
            return args;
        }
        CommandLine command = top.getSubcommands().get(args[verb]);
        int insertAt = verb + 1;
        if (insertAt < args.length && command.getSubcommands().containsKey(args[insertAt])) {
            command = command.getSubcommands().get(args[insertAt]);
            insertAt++;
        }
        CommandSpec spec = command.getCommandSpec();
        List<String> front = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < verb; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            OptionSpec own = top.getCommandSpec().findOption(name);
            OptionSpec option = arg.startsWith("-") ? spec.findOption(name) : null;
            boolean quarrys = own != null && (option == null || own.usageHelp() || own.versionHelp());
            if (!arg.startsWith("-") || quarrys) {
                front.add(arg);
                continue;
            }
            moved.add(arg);
            if (option != null && !arg.contains("=") && option.arity().min() > 0 && i + 1 < verb) {
                moved.add(args[++i]);
            }
        }
        List<String> out = new ArrayList<>(front);
        for (int i = verb; i < insertAt; i++) {
            out.add(args[i]);
        }
        out.addAll(moved);
        for (int i = insertAt; i < args.length; i++) {
            out.add(args[i]);
        }
        return out.toArray(String[]::new);
    }
}
