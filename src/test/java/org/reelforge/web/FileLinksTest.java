package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reelforge.pipeline.MutableClock;
import org.reelforge.video.VideoId;

class FileLinksTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);
    private static final VideoId VIDEO = new VideoId("vid_20260201_203648_k3f9");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:07:00Z"));
    private final FileLinks links = new FileLinks(SECRET, clock);

    @Test
    void aLinkOpensItsFileUntilItExpiresAndNotAfter() {
        Map<String, String> q = query(links.link(VIDEO, "final.mp4", links.expiryFromNow()).url());

        assertThat(links.verify(VIDEO, "final.mp4", q.get("exp"), q.get("sig"))).isTrue();
        clock.advance(FileLinks.LIFETIME.plusMinutes(15));
        assertThat(links.verify(VIDEO, "final.mp4", q.get("exp"), q.get("sig"))).isFalse();
    }

    @Test
    void linksLastAtLeastAnHourAndLinksMadeMinutesApartAreTheSameUrl() {
        Instant expiry = links.expiryFromNow();
        assertThat(Duration.between(clock.instant(), expiry)).isBetween(FileLinks.LIFETIME, FileLinks.LIFETIME.plusMinutes(15));
        String first = links.link(VIDEO, "thumbnail-small.jpg", expiry).url();
        clock.advance(Duration.ofMinutes(3));
        assertThat(links.link(VIDEO, "thumbnail-small.jpg", links.expiryFromNow()).url()).isEqualTo(first);
    }

    @Test
    void aLinkOpensNoOtherFileVideoOrExpiryAndNoOtherServersLinks() {
        Map<String, String> q = query(links.link(VIDEO, "thumbnail.jpg", links.expiryFromNow()).url());
        long later = Long.parseLong(q.get("exp")) + 3600;

        assertThat(links.verify(VIDEO, "final.mp4", q.get("exp"), q.get("sig"))).isFalse();
        assertThat(links.verify(new VideoId("vid_20260201_203648_zzzz"), "thumbnail.jpg", q.get("exp"), q.get("sig"))).isFalse();
        assertThat(links.verify(VIDEO, "thumbnail.jpg", Long.toString(later), q.get("sig"))).isFalse();
        FileLinks other = new FileLinks("another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8), clock);
        assertThat(other.verify(VIDEO, "thumbnail.jpg", q.get("exp"), q.get("sig"))).isFalse();
        assertThat(links.verify(VIDEO, "thumbnail.jpg", "soon", q.get("sig"))).isFalse();
        assertThat(links.verify(VIDEO, "thumbnail.jpg", null, null)).isFalse();
    }

    @Test
    void aLinkCarriesNoToken() {
        String url = links.link(VIDEO, "final.mp4", links.expiryFromNow()).url();
        assertThat(url).startsWith("/api/videos/" + VIDEO.value() + "/final.mp4?exp=").doesNotContain("access_token");
    }

    private static Map<String, String> query(String url) {
        return Stream.of(URI.create("http://x" + url).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }
}
