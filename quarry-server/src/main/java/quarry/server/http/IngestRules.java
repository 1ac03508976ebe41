package quarry.server.http;

import quarry.server.query.IngestTransformation;

/** Checks a collection's {@code field_mapping_query} when it is set, so a bad one is a 400 up front. */
final class IngestRules {

    private IngestRules() {}

    static void check(String fieldMappingSql) {
        if (fieldMappingSql != null) {
            IngestTransformation.problem(fieldMappingSql).ifPresent(p -> {
                throw ApiException.invalid(p);
            });
        }
    }
}
