package quarry.core.run;

import quarry.core.manifest.Node;

/**
 * Compiles a node at execute time, when {@code execute} is true and Jinja may query the database
 * ({@code run_query}, {@code is_incremental()}, {@code adapter.get_relation}). Implemented by the
 * compile layer; a failure throws an exception naming the file and line.
 */
public interface NodeCompiler {

    ExecutableNode compile(Node node);

    /**
     * Builds a node whose materialization the adapter does not build itself with the project's
     * (or a package's) {@code {% materialization %}} macro for it: runs the macro, which runs the
     * node's statements and hooks, and returns its main statement's message. Empty when no such
     * macro exists.
     */
    default java.util.Optional<String> runMaterialization(ExecutableNode node, String materialization) {
        return java.util.Optional.empty();
    }

    /**
     * A model's SQL for one of its unit tests: its refs, sources and {@code this} read the given
     * fixture queries ({@code inputs} by the unique id each stands for), with the test's overrides.
     */
    default String compileUnitTest(Node model, java.util.Map<String, String> inputs,
            quarry.core.manifest.UnitTest.Overrides overrides) {
        throw new UnsupportedOperationException("this compiler does not compile unit tests");
    }
}
