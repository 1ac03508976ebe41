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
     * A model's SQL for one of its unit tests: its refs, sources and {@code this} read the given
     * fixture queries ({@code inputs} by the unique id each stands for), with the test's overrides.
     */
    default String compileUnitTest(Node model, java.util.Map<String, String> inputs,
            quarry.core.manifest.UnitTest.Overrides overrides) {
        throw new UnsupportedOperationException("this compiler does not compile unit tests");
    }
}
