package quarry.core.parse;

import java.util.List;
import java.util.Set;
import quarry.core.manifest.DocBlock;
import quarry.core.manifest.Macro;
import quarry.core.manifest.Node;

/**
 * What parsing one project file produced, saved for the next partial parse: the file's size,
 * modification time (milliseconds) and content hash, whether its parse rendered Jinja (so macros
 * could change it), the {@code var}/{@code env_var}/{@code target} reads it made, and its output
 * (macros and docs blocks, the properties of a YAML file, or the nodes of a SQL or CSV file). Unused
 * parts are empty. The generic tests a YAML file defines are not saved: they are built again from its
 * properties (in a cold parse, encoding them cost more than building them).
 */
public record FileResult(long size, long modified, String hash, boolean jinja, Set<String> reads, List<Macro> macros,
        List<DocBlock> docs, Properties properties, List<Node> nodes) {

    public FileResult {
        reads = Set.copyOf(reads);
        macros = List.copyOf(macros);
        docs = List.copyOf(docs);
        nodes = List.copyOf(nodes);
    }
}
