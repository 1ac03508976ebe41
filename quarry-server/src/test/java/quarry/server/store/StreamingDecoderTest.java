package quarry.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming decoder takes a body only when it decodes it exactly as {@link DocumentDecoder}
 * does, and hands every other body to the full decoder (it answers null).
 */
class StreamingDecoderTest {

    private static final long NOW = 1_700_000_000_000_000L;
    private final ObjectMapper mapper = new ObjectMapper();
    private final StreamingDecoder decoder = new StreamingDecoder(mapper);

    private ColumnBatch decode(String body) {
        return decoder.decode(body.getBytes(StandardCharsets.UTF_8), NOW, 20_000);
    }

    @Test
    void plainDocumentsDecodeAsTheFullDecoderDecodesThem() throws Exception {
        String data = "[{\"_id\":\"a\",\"i\":1,\"f\":1.5,\"b\":true,\"s\":\"x\\u00e9\",\"n\":null,\"o\":{\"k\":[1,2.0,\"z\"]},"
                + "\"arr\":[1,\"a\",null],\"_meta\":{\"x\":1},\"big\":9223372036854775807,\"e\":1e3},"
                + "{\"i\":2.5,\"s\":3,\"b\":null,\"_id\":null,\"new\":false},{}]";
        ColumnBatch batch = decode("{\"other\":[1,{\"a\":2}],\"data\":" + data + ",\"more\":null}");
        assertThat(batch).isNotNull();
        List<DocumentStore.Write> writes = batch.writes();
        JsonNode docs = mapper.readTree(data);
        assertThat(writes).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DocumentDecoder.Decoded full = DocumentDecoder.decode(docs.get(i), NOW);
            StoredDocument streamed = writes.get(i).document();
            assertThat(streamed.eventTimeMicros()).isEqualTo(full.document().eventTimeMicros());
            assertThat(streamed.fields()).isEqualTo(full.document().fields());
            assertThat(writes.get(i).idIsNew()).isEqualTo(full.generatedId());
            if (!full.generatedId()) {
                assertThat(streamed.id()).isEqualTo(full.document().id());
            }
        }
        assertThat(writes.get(1).document().id()).hasSize(36);
        assertThat(batch.neededTypes()).containsEntry("i", ColumnType.DOUBLE).containsEntry("s", ColumnType.JSON)
                .containsEntry("n", null).containsEntry("o", ColumnType.JSON).containsEntry("b", ColumnType.BOOLEAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":[{\"_id\":\"a\",\"_op\":\"DELETE\"}]}",
        "{\"data\":[{\"_id\":\"a\",\"_event_time\":5}]}",
        "{\"data\":[{\"d\":{\"__rockset_type\":\"date\",\"value\":\"2024-01-01\"}}]}",
        "{\"data\":[{\"i\":123456789012345678901234567890}]}",
        "{\"data\":[{\"x\":1,\"x\":2}]}",
        "{\"data\":[{\"_id\":\"a\",\"_id\":\"b\"}]}",
        "{\"data\":[{\"_id\":5}]}",
        "{\"data\":[1]}",
        "{\"data\":{\"_id\":\"a\"}}",
        "{\"data\":[{\"_id\":\"a\"}],\"data\":[{\"_id\":\"b\"}]}",
        "{\"data\":[{\"_id\":\"a\"}]} trailing",
        "{\"data\":[{\"_id\":\"a\"}",
        "[{\"_id\":\"a\"}]",
        "{\"nodata\":[]}",
        ""
    })
    void bodiesOutsideThePlainCaseGoTheFullWay(String body) {
        assertThat(decode(body)).isNull();
    }

    @Test
    void moreDocumentsThanAllowedGoTheFullWay() {
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 21; i++) {
            body.append(i == 0 ? "" : ",").append("{\"_id\":\"").append(i).append("\"}");
        }
        body.append("]}");
        assertThat(decoder.decode(body.toString().getBytes(StandardCharsets.UTF_8), NOW, 20)).isNull();
        assertThat(decoder.decode(body.toString().getBytes(StandardCharsets.UTF_8), NOW, 21).size()).isEqualTo(21);
    }
}
