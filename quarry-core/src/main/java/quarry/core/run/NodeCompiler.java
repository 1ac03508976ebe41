package quarry.core.run;

import quarry.core.manifest.Node;

/**
 * Compiles a node at execute time, when {@code execute} is true and Jinja may query the database
 * ({@code run_query}, {@code is_incremental()}, {@code adapter.get_relation}). Implemented by the
 * compile layer; a failure throws an exception naming the file and line.
 */
public interface NodeCompiler {

    ExecutableNode compile(Node node);
}
