package quarry.core.parse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import quarry.core.manifest.DocBlock;
import quarry.core.manifest.Macro;
import quarry.core.manifest.Node;
import quarry.core.project.ParseReads;

/**
 * Decides, file by file, whether the result of the last parse can stand in for parsing the file
 * again, and collects this parse's results for the next one. A file is parsed again when it is new
 * or its content changed, when a {@code var}/{@code env_var}/{@code target} value it read changed,
 * when it rendered Jinja and a macro changed (every macro change re-parses every file that rendered
 * Jinja; a change to {@code generate_*_name}, or any macro change while the root project overrides
 * one of them, re-parses everything), and, for a SQL or CSV file, when the properties describing one
 * of its nodes changed. Files are keyed {@code package/original_file_path}. A file whose size and
 * modification time are the saved ones (and older than the saved parse's start, less two seconds)
 * is not read unless it must be parsed again. See docs/partial-parsing.md.
 */
public final class ParseReuse {

    private static final Set<String> NAMING = Set.of("generate_schema_name", "generate_alias_name",
            "generate_database_name");

    /** A file modified this close to (or after) the last parse's start may have changed unseen. */
    private static final long RACY_MILLIS = 2000;

    private final java.util.concurrent.CompletableFuture<Previous> source;
    private Map<String, FileResult> previous = Map.of();
    private long previousStart;
    private final long start = System.currentTimeMillis();
    private Set<String> changedReads = Set.of();
    private final ParseReads reads;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger parsed = new AtomicInteger();
    private final AtomicInteger read = new AtomicInteger();
    private volatile boolean everything = true;
    private volatile boolean jinjaDirty;
    private final Set<String> patchedNames = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.CompletableFuture<Void> resultsFinal = new java.util.concurrent.CompletableFuture<>();

    /** What one file produces in this parse, filled in stage by stage. */
    private static final class Pending {
        final String hash;
        final long size;
        final long modified;
        final Set<String> reads = ConcurrentHashMap.newKeySet();
        volatile boolean jinja;
        volatile List<Macro> macros = List.of();
        volatile List<DocBlock> docs = List.of();
        volatile Properties properties;
        volatile List<Node> nodes = List.of();

        Pending(String hash, long size, long modified) {
            this.hash = hash;
            this.size = size;
            this.modified = modified;
        }
    }

    /**
     * What the last parse left.
     *
     * @param files its results by file (empty: parse everything)
     * @param start when it started (epoch milliseconds)
     * @param changedReads the read keys whose values differ from the last parse's
     */
    public record Previous(Map<String, FileResult> files, long start, Set<String> changedReads) {
        public static final Previous NONE = new Previous(Map.of(), 0, Set.of());
    }

    public ParseReuse(Map<String, FileResult> previous, long previousStart, Set<String> changedReads, ParseReads reads) {
        this(java.util.concurrent.CompletableFuture.completedFuture(new Previous(previous, previousStart, changedReads)),
                reads);
    }

    /** Reuse of what the last parse left, still being loaded while the parse starts. */
    public ParseReuse(java.util.concurrent.CompletableFuture<Previous> previous, ParseReads reads) {
        this.source = Objects.requireNonNull(previous);
        this.reads = Objects.requireNonNull(reads);
    }

    /**
     * Waits for what the last parse left (loaded meanwhile, while the project's files were
     * listed). Called once by the parser before any file is loaded; until then nothing is reused.
     */
    void awaitPrevious() {
        Previous p = source.join();
        previous = p.files();
        previousStart = p.start();
        changedReads = Set.copyOf(p.changedReads());
        everything = previous.isEmpty();
    }

    /** A full parse that still records its results for the next partial parse. */
    public static ParseReuse none(ParseReads reads) {
        return new ParseReuse(java.util.concurrent.CompletableFuture.completedFuture(Previous.NONE), reads);
    }

    static String key(String packageName, String originalFilePath) {
        return packageName + "/" + originalFilePath;
    }

    /**
     * A file to parse: read now, unless the last parse saw it with the same size and modification
     * time (and not so recently that a change could hide in the same timestamp); then its text is
     * read only if it must be parsed again.
     */
    LoadedFile load(String packageName, quarry.core.project.ProjectFile file) {
        String key = key(packageName, file.originalFilePath());
        // as discovery's walk saw the file
        long size = file.size();
        long modified = file.modifiedMillis();
        FileResult saved = previous.get(key);
        LoadedFile loaded;
        if (saved != null && saved.size() == size && saved.modified() == modified
                && modified < previousStart - RACY_MILLIS) {
            loaded = LoadedFile.unread(packageName, file, saved.hash(), read::incrementAndGet);
        } else {
            loaded = LoadedFile.read(packageName, file);
            read.incrementAndGet();
        }
        pending.put(key, new Pending(loaded.hash(), size, modified));
        return loaded;
    }

    /** The macros of a macro file: the saved ones if it did not change (they decide what else re-parses). */
    List<Macro> macros(LoadedFile f, Supplier<List<Macro>> parse) {
        Pending p = pending.get(f.key());
        FileResult saved = previous.get(f.key());
        p.macros = saved != null && saved.hash().equals(p.hash) ? saved.macros() : parse.get();
        return p.macros;
    }

    List<DocBlock> docs(LoadedFile f, Supplier<List<DocBlock>> parse) {
        Pending p = pending.get(f.key());
        FileResult saved = previous.get(f.key());
        p.docs = saved != null && saved.hash().equals(p.hash) ? saved.docs() : parse.get();
        return p.docs;
    }

    /** Once every macro is known: which files a macro change makes parse again. */
    void macrosKnown(boolean rootOverridesNaming) {
        Map<String, Macro> before = new HashMap<>();
        previous.values().forEach(r -> r.macros().forEach(m -> before.put(m.uniqueId(), m)));
        Map<String, Macro> now = new HashMap<>();
        pending.values().forEach(p -> p.macros.forEach(m -> now.put(m.uniqueId(), m)));
        Set<String> changed = new HashSet<>();
        before.forEach((id, m) -> {
            if (!m.equals(now.get(id))) {
                changed.add(m.name());
            }
        });
        now.forEach((id, m) -> {
            if (!m.equals(before.get(id))) {
                changed.add(m.name());
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        jinjaDirty = true;
        if (rootOverridesNaming || changed.stream().anyMatch(NAMING::contains)) {
            everything = true;
        }
    }

    /** The properties of a YAML file: the saved ones, or parsed again. */
    Properties properties(LoadedFile f, Supplier<Properties> parse) {
        String key = f.key();
        Pending p = pending.get(key);
        FileResult saved = reusable(key, p);
        if (saved != null) {
            p.reads.addAll(saved.reads());
            p.properties = saved.properties();
            p.jinja = saved.jinja();
            return p.properties;
        }
        p.jinja = f.text().contains("{{") || f.text().contains("{%");
        p.properties = reads.within(p.reads, parse);
        FileResult old = previous.get(key);
        if (old == null || !Objects.equals(old.properties(), p.properties)) {
            patchedNames.addAll(describedNames(key, p.properties));
            if (old != null) {
                patchedNames.addAll(describedNames(key, old.properties()));
            }
        }
        return p.properties;
    }

    /** Once every properties file is read: deleted properties files no longer describe their nodes. */
    void propertiesKnown() {
        previous.forEach((key, old) -> {
            if (old.properties() != null && !pending.containsKey(key)) {
                patchedNames.addAll(describedNames(key, old.properties()));
            }
        });
    }

    /** The nodes of a SQL or CSV file: the saved ones, or parsed again. */
    List<Node> nodes(LoadedFile f, Supplier<List<Node>> parse) {
        String key = f.key();
        Pending p = pending.get(key);
        FileResult saved = reusable(key, p);
        if (saved != null && !describedAgain(key, f.file().baseName(), saved.nodes())) {
            p.reads.addAll(saved.reads());
            p.nodes = saved.nodes();
            p.jinja = saved.jinja();
            return p.nodes;
        }
        if (saved != null) {
            reused.decrementAndGet();
            parsed.incrementAndGet();
        }
        p.nodes = reads.within(p.reads, parse);
        p.jinja = p.nodes.stream().anyMatch(n -> !n.staticallyParsed());
        return p.nodes;
    }

    /**
     * The generic tests of a YAML file, built from its properties (saved or parsed again), recording
     * their reads with the file's: tests are not saved (encoding 30,000 of them cost a cold parse more
     * than building them costs a partial one).
     */
    List<Node> tests(LoadedFile f, Supplier<List<Node>> build) {
        return reads.within(pending.get(f.key()).reads, build);
    }

    private FileResult reusable(String key, Pending p) {
        FileResult saved = previous.get(key);
        boolean ok = saved != null && !everything && saved.hash().equals(p.hash) && !(jinjaDirty && saved.jinja())
                && saved.reads().stream().noneMatch(changedReads::contains);
        (ok ? reused : parsed).incrementAndGet();
        return ok ? saved : null;
    }

    private boolean describedAgain(String key, String baseName, List<Node> nodes) {
        if (patchedNames.isEmpty()) {
            return false;
        }
        String pkg = key.substring(0, key.indexOf('/'));
        return patchedNames.contains(pkg + "/" + baseName)
                || nodes.stream().anyMatch(n -> patchedNames.contains(pkg + "/" + n.name()));
    }

    /** The names (and version file names) a properties file describes, as {@code package/name}. */
    private static Set<String> describedNames(String key, Properties properties) {
        String pkg = key.substring(0, key.indexOf('/'));
        Set<String> names = new HashSet<>();
        if (properties == null) {
            return names;
        }
        for (Properties.Patch patch : properties.patches()) {
            names.add(pkg + "/" + patch.name());
            for (Properties.VersionSpec v : patch.versions()) {
                names.add(pkg + "/" + patch.name() + "_v" + v.v());
                if (v.definedIn() != null) {
                    names.add(pkg + "/" + v.definedIn());
                }
            }
        }
        return names;
    }

    /** Called by the parser once every file's result is what {@link #results} will give. */
    void resultsFinal() {
        resultsFinal.complete(null);
    }

    /** Completes when the parser has every file's result (before it resolves refs and builds the graph). */
    public java.util.concurrent.CompletableFuture<Void> whenResultsFinal() {
        return resultsFinal;
    }

    /** This parse's results by file, for the next partial parse. */
    public Map<String, FileResult> results() {
        Map<String, FileResult> out = new HashMap<>();
        pending.forEach((key, p) -> out.put(key, new FileResult(p.size, p.modified, p.hash, p.jinja, p.reads, p.macros,
                p.docs, p.properties, p.nodes)));
        return out;
    }

    /** When this parse started (epoch milliseconds): files modified since may have changed unseen. */
    public long start() {
        return start;
    }

    /** Files whose text this parse read (the others were known unchanged by size and modification time). */
    public int read() {
        return read.get();
    }

    /** Files whose saved result was used. */
    public int reused() {
        return reused.get();
    }

    /** Files parsed in this parse (macro and docs files are always parsed and not counted). */
    public int parsed() {
        return parsed.get();
    }
}
