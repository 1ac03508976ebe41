package quarry.core.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import quarry.core.parse.FileResult;
import quarry.core.parse.Hashing;
import quarry.core.parse.ParseReuse;
import quarry.core.project.DbtProject;
import quarry.core.project.ParseReads;

/**
 * Fine-grained partial parsing: the per-file results of the last parse, saved in
 * {@code target/partial_parse.state}, and the decision of what a new parse may reuse. The state is
 * keyed by a global key (state format, Quarry's version and build, profile, target name, adapter,
 * target schema and database, secrets, each project's name, folder and project-level files); when it
 * differs, or when a value read outside any file changed, or the state is missing or unreadable,
 * everything is parsed again (silently: the reason is given, not an error). Otherwise the read keys
 * whose values changed are handed to {@link ParseReuse}, which decides file by file.
 * See docs/partial-parsing.md.
 */
public final class PartialParse {

    public static final String FILE = "partial_parse.state";
    private static final List<String> PROJECT_FILES = List.of("dbt_project.yml", "packages.yml", "dependencies.yml",
            ".dbtignore", "vars.yml", "package-lock.yml");

    private PartialParse() {}

    /** What loading the saved state gave: why the parse is a full one (or null), and what to reuse. */
    private record Loaded(String fullReason, StateFile.Decoded decoded, ParseReuse.Previous previous) {
        static Loaded full(String reason) {
            return new Loaded(reason, null, ParseReuse.Previous.NONE);
        }
    }

    /** What the next parse may reuse, and why it is a full parse when it is one. */
    public static final class Plan {
        private final ParseReuse reuse;
        private final CompletableFuture<Loaded> loaded;

        private Plan(ParseReuse reuse, CompletableFuture<Loaded> loaded) {
            this.reuse = reuse;
            this.loaded = loaded;
        }

        public ParseReuse reuse() {
            return reuse;
        }

        /** Why everything is parsed again, or null when the saved state is used (waits for the state). */
        public String fullReason() {
            return loaded.join().fullReason();
        }

        public boolean partial() {
            return fullReason() == null;
        }

        StateFile.Decoded previous() {
            return loaded.join().decoded();
        }
    }

    /** A full parse (partial parsing turned off), still saving its results. */
    public static Plan full(Session session, String reason) {
        return new Plan(ParseReuse.none(session.env().reads()), CompletableFuture.completedFuture(Loaded.full(reason)));
    }

    /** Reads the saved state and decides what can be reused; any problem with it means a full parse. */
    public static Plan plan(Session session, String quarryVersion) {
        return plan(CompletableFuture.completedFuture(load(session, quarryVersion)), session);
    }

    /**
     * Like {@link #plan}, but the state is read on another thread while the parse lists the
     * project's files; the saved state is removed once read (a failed parse leaves none).
     */
    public static Plan planWhileParsing(Session session, String quarryVersion) {
        return plan(CompletableFuture.supplyAsync(() -> {
            try {
                return load(session, quarryVersion);
            } finally {
                forget(session.targetDir());
            }
        }), session);
    }

    private static Plan plan(CompletableFuture<Loaded> loaded, Session session) {
        return new Plan(new ParseReuse(loaded.thenApply(Loaded::previous), session.env().reads()), loaded);
    }

    private static Loaded load(Session session, String quarryVersion) {
        Path file = session.targetDir().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Loaded.full("saved state not found");
        }
        StateFile.Contents contents;
        try {
            contents = StateFile.read(file);
        } catch (IOException | RuntimeException e) {
            return Loaded.full("the saved state cannot be read (" + e.getMessage() + ")");
        }
        StateFile.Header saved = contents.header();
        if (!saved.globalKey().equals(globalKey(session, quarryVersion))) {
            return Loaded.full("the Quarry version, profile, target or a project file changed");
        }
        ReadValues values = new ReadValues(session);
        Set<String> changed = new HashSet<>();
        saved.readValues().forEach((key, hash) -> {
            if (!hash.equals(values.hash(key))) {
                changed.add(key);
            }
        });
        for (String key : saved.globalReads()) {
            if (changed.contains(key)) {
                return Loaded.full("'" + key + "' changed and was read while loading the project");
            }
        }
        StateFile.Decoded decoded;
        try {
            decoded = contents.decode();
        } catch (IOException | RuntimeException e) {
            return Loaded.full("the saved state cannot be read (" + e.getMessage() + ")");
        }
        return new Loaded(null, decoded, new ParseReuse.Previous(decoded.files(), saved.start(), changed));
    }

    /**
     * Saves a successful parse's results; a result that cannot be saved leaves no state (the next
     * parse is full).
     *
     * @return why nothing was saved, or empty
     */
    public static java.util.Optional<String> save(Session session, String quarryVersion, Plan plan) {
        return saveWhenParsed(session, quarryVersion, plan).finish();
    }

    /**
     * Starts encoding the parse's results as soon as the parser has them all (on a thread of its
     * own, while the parser resolves refs and builds the graph with one core); {@link Saving#finish}
     * then writes them with the header.
     */
    public static Saving saveWhenParsed(Session session, String quarryVersion, Plan plan) {
        CompletableFuture<Encoded> sections = new CompletableFuture<>();
        plan.reuse().whenResultsFinal().thenRun(() -> {
            Thread encoder = new Thread(() -> {
                try {
                    Map<String, FileResult> files = plan.reuse().results();
                    sections.complete(new Encoded(files, StateFile.encode(files, plan.previous())));
                } catch (RuntimeException | Error e) {
                    sections.completeExceptionally(e);
                }
            }, "quarry-state");
            encoder.setDaemon(true);
            encoder.start();
        });
        return new Saving(session, quarryVersion, plan, sections);
    }

    /** The results saved and their encoded sections. */
    private record Encoded(Map<String, FileResult> files, List<Object> sections) {}

    /** A state being encoded; {@link #finish} writes it. */
    public static final class Saving {
        private final Session session;
        private final String quarryVersion;
        private final Plan plan;
        private final CompletableFuture<Encoded> sections;

        private Saving(Session session, String quarryVersion, Plan plan, CompletableFuture<Encoded> sections) {
            this.session = session;
            this.quarryVersion = quarryVersion;
            this.plan = plan;
            this.sections = sections;
        }

        /**
         * Writes the state once its sections are encoded (the parse must have succeeded), with the
         * reads made until now.
         *
         * @return why nothing was saved, or empty
         */
        public java.util.Optional<String> finish() {
            ParseReuse reuse = plan.reuse();
            Path target = session.targetDir();
            Path tmp = target.resolve(FILE + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId()
                    + ".tmp");
            try {
                Encoded encoded = sections.join();
                Set<String> global = session.env().reads().global();
                Set<String> keys = new HashSet<>(global);
                encoded.files().values().forEach(r -> keys.addAll(r.reads()));
                ReadValues values = new ReadValues(session);
                Map<String, String> readValues = new HashMap<>();
                keys.forEach(k -> readValues.put(k, values.hash(k)));
                StateFile.Header header = new StateFile.Header(globalKey(session, quarryVersion), reuse.start(),
                        readValues, global);
                Files.createDirectories(target);
                StateFile.write(tmp, header, encoded.sections());
                Files.move(tmp, target.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                return java.util.Optional.empty();
            } catch (IOException | RuntimeException e) {
                forget(target);
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing saved: the next parse is a full one
                }
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                return java.util.Optional.of(cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getMessage());
            }
        }
    }

    /** Removes the saved state (a failed parse must not leave one behind). */
    public static void forget(Path targetDir) {
        try {
            Files.deleteIfExists(targetDir.resolve(FILE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Everything whose change re-parses the whole project. */
    static String globalKey(Session session, String quarryVersion) {
        StringBuilder b = new StringBuilder();
        b.append("format ").append(StateFile.FORMAT).append('\n');
        b.append("quarry ").append(quarryVersion).append(" dbt ").append(DbtVersion.REPORTED).append(" build ")
                .append(buildStamp()).append('\n');
        b.append("profile ").append(session.target().profileName()).append(" target ").append(session.target().name())
                .append(" adapter ").append(session.adapter().type()).append('\n');
        b.append("schema ").append(session.credentials().schema()).append(" database ")
                .append(session.credentials().database()).append('\n');
        b.append("secrets ").append(session.credentials().secrets().stream().map(Hashing::sha256).sorted().toList())
                .append('\n');
        b.append("relations ").append(session.relationStyle()).append('\n');
        for (DbtProject project : session.projects().all()) {
            b.append("project ").append(project.name()).append(' ').append(project.root()).append('\n');
            for (String name : PROJECT_FILES) {
                Path f = project.root().resolve(name);
                b.append(name).append(' ').append(contentHash(f)).append('\n');
            }
        }
        return Hashing.sha256(b.toString());
    }

    private static String contentHash(Path file) {
        try {
            return Files.isRegularFile(file) ? Hashing.sha256(Files.readAllBytes(file)) : "-";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** When the code that parsed was built: a rebuilt Quarry of the same version parses everything again. */
    static String buildStamp() {
        try {
            Path code = Path.of(PartialParse.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return String.valueOf(Files.getLastModifiedTime(code).toMillis());
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The current value of a read key, hashed (values may be secrets). */
    private static final class ReadValues {
        private final Session session;
        private final Map<String, Object> target;

        ReadValues(Session session) {
            this.session = Objects.requireNonNull(session);
            this.target = ProjectParsing.targetFields(session);
        }

        String hash(String key) {
            return Hashing.sha256(describe(key));
        }

        private String describe(String key) {
            if (key.startsWith("env:")) {
                String value = session.env().peek(key.substring(4));
                return value == null ? "unset" : "set " + value;
            }
            if (key.startsWith("target:")) {
                return lookup(target, key.substring(7));
            }
            if (key.startsWith("var:")) {
                int colon = key.indexOf(':', 4);
                String pkg = key.substring(4, colon);
                Map<String, Object> vars = pkg.equals("@cli") ? session.options().cliVars() : session.vars().valuesFor(pkg);
                return lookup(vars, key.substring(colon + 1));
            }
            return "unknown " + key;
        }

        private static String lookup(Map<String, Object> map, String name) {
            if (name.equals(ParseReads.ALL)) {
                return "all " + describeValue(new TreeMap<>(map));
            }
            return map.containsKey(name) ? "value " + describeValue(map.get(name)) : "absent";
        }

        private static String describeValue(Object value) {
            return value == null ? "null" : value.getClass().getName() + " " + value;
        }
    }
}
