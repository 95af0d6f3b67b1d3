package dev.aigc.nlp.kb;

import dev.aigc.nlp.ServiceTestSupport;
import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.qa.HybridRetriever;
import dev.aigc.nlp.qa.QaProperties;
import dev.aigc.nlp.qa.RetrievalMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeBaseRestartTest extends ServiceTestSupport {

    @Autowired
    BgeEmbedder embedder;

    @Autowired
    QaProperties qa;

    @Test
    void shouldFindAnIngestedDocumentAfterTheKnowledgeBaseIsReopened(@TempDir Path dir) throws Exception {
        KbProperties props = new KbProperties(dir.toString(), false, 160, 1, 100_000);
        String id;
        try (KnowledgeBase kb = new KnowledgeBase(props, embedder)) {
            id = kb.ingest(new KnowledgeBase.NewDocument("Gradle 安装", "Gradle 是一个构建工具。用 SDKMAN 安装它，"
                    + "然后运行 gradle -v 检查版本。它读取 build.gradle 文件。", "test", null)).id();
            assertThat(kb.get(id).lang()).isEqualTo("zh");
        }
        try (KnowledgeBase reopened = new KnowledgeBase(props, embedder)) {
            assertThat(reopened.count()).isEqualTo(1);
            assertThat(reopened.get(id).title()).isEqualTo("Gradle 安装");
            HybridRetriever retriever = new HybridRetriever(reopened.store(), embedder, qa);
            String question = "怎样检查 Gradle 的版本？";
            var result = retriever.retrieve(question, retriever.embedQuestion(question), RetrievalMode.HYBRID);
            assertThat(result.ranked().get(0).chunk().docId()).isEqualTo(id);
            var dense = retriever.retrieve(question, retriever.embedQuestion(question), RetrievalMode.DENSE);
            assertThat(dense.ranked().get(0).chunk().docId()).as("vectors survive the restart").isEqualTo(id);
        }
    }

    @Test
    void shouldKeepUploadedFilesWithTheirPagesAndHeadingsAfterTheKnowledgeBaseIsReopened(@TempDir Path dir)
            throws Exception {
        KbProperties props = new KbProperties(dir.toString(), false, 160, 1, 100_000);
        DocumentParser parser = new DocumentParser(200, 100_000);
        DocumentParser.Parsed pdf = parser.parse(UploadFixtures.threePagePdf(), "array.pdf");
        DocumentParser.Parsed docx = parser.parse(UploadFixtures.docx("Notes.", "Backup policy",
                "Database backups of the Quillfeather billing system run every night at 01:30."), "ops.docx");
        try (KnowledgeBase kb = new KnowledgeBase(props, embedder)) {
            kb.ingest(new KnowledgeBase.NewDocument("Array report", pdf.text(), "array.pdf", null), "array",
                    pdf.sections());
            kb.ingest(new KnowledgeBase.NewDocument("Ops notes", docx.text(), "ops.docx", null), "ops",
                    docx.sections());
        }
        try (KnowledgeBase reopened = new KnowledgeBase(props, embedder)) {
            assertThat(reopened.count()).isEqualTo(2);
            assertThat(reopened.get("array").text()).contains("forty-two");
            HybridRetriever retriever = new HybridRetriever(reopened.store(), embedder, qa);
            String question = "How many receiving dishes does the Halvorsen array have?";
            Chunk top = retriever.retrieve(question, retriever.embedQuestion(question), RetrievalMode.HYBRID)
                    .ranked().get(0).chunk();
            assertThat(top.docId()).isEqualTo("array");
            assertThat(top.page()).isEqualTo(2);
            assertThat(top.heading()).isNull();
            String backups = "When do the Quillfeather backups run?";
            Chunk ops = retriever.retrieve(backups, retriever.embedQuestion(backups), RetrievalMode.HYBRID)
                    .ranked().get(0).chunk();
            assertThat(ops.docId()).isEqualTo("ops");
            assertThat(ops.heading()).isEqualTo("Backup policy");
            assertThat(ops.page()).isNull();
        }
    }

    @Test
    void shouldBuildTheEnglishViewOfAnIndexWrittenWithoutIt(@TempDir Path dir) throws Exception {
        KbProperties props = new KbProperties(dir.toString(), false, 160, 1, 100_000);
        dev.aigc.nlp.qa.Bilingual bilingual = dev.aigc.nlp.qa.Bilingual.load();
        String id;
        try (KnowledgeBase kb = new KnowledgeBase(props, embedder)) {
            id = kb.ingest(new KnowledgeBase.NewDocument("判别器", "生成对抗网络里，判别器负责区分真实图片和生成器画出的图片。",
                    "test", null)).id();
            assertThat(kb.store().searchEnglishView("discriminator", "zh", 5)).as("no glosser, no English view")
                    .isEmpty();
        }
        try (KnowledgeBase reopened = new KnowledgeBase(props, embedder, bilingual::gloss)) {
            var hits = reopened.store().searchEnglishView("What does the discriminator tell apart?", "zh", 5);
            assertThat(hits).as("the English view is rebuilt from the stored chunks").isNotEmpty();
            assertThat(hits.get(0).chunk().docId()).isEqualTo(id);
            assertThat(hits.get(0).chunk().vector()).as("the vector survives the rewrite").hasSize(512);
            assertThat(reopened.count()).isEqualTo(1);
            assertThat(reopened.get(id).text()).contains("判别器");
        }
        try (KnowledgeBase again = new KnowledgeBase(props, embedder, bilingual::gloss)) {
            assertThat(again.store().searchEnglishView("discriminator", null, 5)).hasSize(1);
        }
    }

    @Test
    void shouldRebuildTheEnglishViewWhenTheDictionaryVersionChangesEvenIfTheProbeGlossDoesNot(@TempDir Path dir)
            throws Exception {
        KbProperties props = new KbProperties(dir.toString(), false, 160, 1, 100_000);
        // two glossers that agree on every text the store might probe with, and differ on the page
        java.util.function.UnaryOperator<String> before = t -> t.contains("区分真实图片") ? "alpha" : "probe";
        java.util.function.UnaryOperator<String> after = t -> t.contains("区分真实图片") ? "bravo" : "probe";
        try (KnowledgeBase kb = new KnowledgeBase(new LuceneStore(dir, before, "v1"), props, embedder)) {
            kb.ingest(new KnowledgeBase.NewDocument("判别器", "判别器负责区分真实图片和生成的图片。", "test", null));
            assertThat(kb.store().searchEnglishView("alpha", "zh", 5)).hasSize(1);
        }
        try (LuceneStore same = new LuceneStore(dir, after, "v1")) {
            assertThat(same.searchEnglishView("bravo", "zh", 5)).as("same version: the stored view is kept").isEmpty();
        }
        try (LuceneStore changed = new LuceneStore(dir, after, "v2")) {
            assertThat(changed.searchEnglishView("bravo", "zh", 5)).as("new version: the view is rebuilt").hasSize(1);
            assertThat(changed.searchEnglishView("alpha", "zh", 5)).isEmpty();
        }
    }

    @Test
    void shouldGiveTheDictionaryAVersionThatIsTheSameOnEveryLoad() {
        assertThat(dev.aigc.nlp.qa.Bilingual.load().version()).isEqualTo(dev.aigc.nlp.qa.Bilingual.load().version())
                .isNotEqualTo(dev.aigc.nlp.qa.Bilingual.loadForQuestions().version());
    }
}
