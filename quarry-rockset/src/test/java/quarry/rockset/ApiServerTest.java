package quarry.rockset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiServerTest {

    @Test
    void absentBlankOrEmbeddedMeansTheInProcessServer() {
        assertThat(ApiServer.parse(null).isEmbedded()).isTrue();
        assertThat(ApiServer.parse("  ").isEmbedded()).isTrue();
        assertThat(ApiServer.parse("Embedded").isEmbedded()).isTrue();
        assertThat(ApiServer.parse("embedded").toString()).isEqualTo("embedded");
    }

    @Test
    void aBareHostMeansHttps() {
        assertThat(ApiServer.parse("api.usw2a1.rockset.com").uri())
                .hasToString("https://api.usw2a1.rockset.com");
    }

    @Test
    void aUrlIsKeptWithoutItsTrailingSlash() {
        assertThat(ApiServer.parse("http://127.0.0.1:3030/").uri()).hasToString("http://127.0.0.1:3030");
        assertThat(ApiServer.parse("https://rs.example.com:8443/api/").uri())
                .hasToString("https://rs.example.com:8443/api");
    }

    @Test
    void otherSchemesAreRejectedWithTheValueNamed() {
        assertThatThrownBy(() -> ApiServer.parse("ftp://host"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://host");
    }
}
