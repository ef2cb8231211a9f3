package org.reelforge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's model table is what the bundled catalog renders: change models.json, then paste the table shown here. */
class ReadmeModelTableTest {
    static final String BEGIN = "<!-- models:begin (rendered from src/main/resources/org/reelforge/catalog/models.json) -->\n";
    static final String END = "<!-- models:end -->";

    @Test
    void theReadmeListsEveryModelOfTheCatalogAsItRenders() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md has the markers " + BEGIN.strip() + " … " + END).isGreaterThanOrEqualTo(0);
        String rendered = ModelTable.markdown(ModelCatalog.bundled());
        assertThat(readme.substring(begin + BEGIN.length(), end)).as("README model table; expected:\n" + rendered)
                .isEqualTo(rendered);
    }
}
