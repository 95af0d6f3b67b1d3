package dev.aigc.nlp;

import dev.aigc.nlp.classify.SentimentAnalyzer;
import dev.aigc.nlp.classify.ZeroShotClassifier;
import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.embed.EmbeddingProperties;
import dev.aigc.nlp.generate.CharLanguageModel;
import dev.aigc.nlp.generate.LanguageModel;
import dev.aigc.nlp.generate.GenerationProperties;
import dev.aigc.nlp.generate.TextGenerator;
import dev.aigc.nlp.kb.DocumentParser;
import dev.aigc.nlp.kb.KbProperties;
import dev.aigc.nlp.kb.KbSeeder;
import dev.aigc.nlp.kb.KnowledgeBase;
import dev.aigc.nlp.kb.KnowledgeStore;
import dev.aigc.nlp.kb.LuceneStore;
import dev.aigc.nlp.kb.SolrStore;
import dev.aigc.nlp.kb.StoreProperties;
import dev.aigc.nlp.kb.UploadProperties;
import dev.aigc.nlp.qa.AnswerComposer;
import dev.aigc.nlp.qa.Bilingual;
import dev.aigc.nlp.qa.ConfidenceModel;
import dev.aigc.nlp.qa.DenseEnglishView;
import dev.aigc.nlp.qa.HybridRetriever;
import dev.aigc.nlp.qa.LanguageSwitch;
import dev.aigc.nlp.qa.PassageSelector;
import dev.aigc.nlp.qa.QaProperties;
import dev.aigc.nlp.qa.QaService;
import dev.aigc.nlp.qa.TermCoverage;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ModelStores;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Wires the models (loaded once at start-up) and the services that use them. */
@Configuration(proxyBeanMethods = false)
class NlpConfiguration {

    /** The Chinese bge model: the knowledge base's vectors, classification and sentiment. */
    @Bean(destroyMethod = "close")
    @Primary
    BgeEmbedder bgeEmbedder(EmbeddingProperties p) {
        return new BgeEmbedder(p.predictors(), p.threads(), p.maxTokens());
    }

    /** The English bge model of the dense English view; loaded only when {@code nlp.qa.dense-view} is set. */
    @Bean(destroyMethod = "close")
    @Qualifier("english")
    @ConditionalOnProperty(prefix = "nlp.qa.dense-view", name = "enabled")
    BgeEmbedder englishEmbedder(EmbeddingProperties p) {
        return new BgeEmbedder(BgeEmbedder.Model.EN, p.predictors(), p.threads(), p.maxTokens());
    }

    @Bean
    @ConditionalOnProperty(prefix = "nlp.qa.dense-view", name = "enabled")
    DenseEnglishView denseEnglishView(@Qualifier("english") BgeEmbedder english, Bilingual bilingual, QaProperties p) {
        return new DenseEnglishView(english, bilingual, p.denseView().cacheSize());
    }

    /**
     * The embedded Lucene index in {@code nlp.kb.index-dir}, or with {@code nlp.kb.store.backend=solr} the SolrCloud
     * collection (created on first start; the service then keeps no state of its own).
     */
    @Bean(destroyMethod = "close")
    KnowledgeBase knowledgeBase(KbProperties p, StoreProperties store, BgeEmbedder embedder, Bilingual bilingual)
            throws IOException {
        KnowledgeStore backend = switch (store.backend()) {
            case LUCENE -> new LuceneStore(Path.of(p.indexDir()), bilingual::gloss, bilingual.version());
            case SOLR -> new SolrStore(store.solr(), bilingual::gloss, bilingual.version());
        };
        KnowledgeBase kb = new KnowledgeBase(backend, p, embedder);
        if (p.seedOnStart()) {
            KbSeeder.seedIfEmpty(kb);
        }
        return kb;
    }

    /** Reads uploaded files (Tika); text past {@code nlp.kb.max-document-chars} stops the parse. */
    @Bean
    DocumentParser documentParser(KbProperties kb, UploadProperties upload) {
        return new DocumentParser(upload.maxPages(), kb.maxDocumentChars());
    }

    @Bean
    @Primary
    Bilingual bilingual() {
        return Bilingual.load();
    }

    /** The dictionary that translates questions (the chunks' English views keep {@link #bilingual()}). */
    @Bean
    @Qualifier("questions")
    Bilingual questionBilingual() {
        return Bilingual.loadForQuestions();
    }

    @Bean
    HybridRetriever hybridRetriever(KnowledgeBase kb, QaProperties p, @Qualifier("questions") Bilingual bilingual,
                                    ObjectProvider<DenseEnglishView> denseView) {
        return new HybridRetriever(kb.store(), kb.embedder(), p, bilingual,
                p.denseView() == null || !p.denseView().enabled() ? null : denseView.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    TermCoverage termCoverage(KnowledgeBase kb) {
        return new TermCoverage(kb.store());
    }

    @Bean
    PassageSelector passageSelector(TermCoverage termCoverage, QaProperties p) {
        return new PassageSelector(termCoverage, QaProperties.SELECT_DOCUMENTS, p.promoteMargin(), p.crossLingualMargin(),
                p.languageDecision(), p.languageDecision() != null && p.languageDecision().learnedSwitch()
                        ? LanguageSwitch.load() : null);
    }

    @Bean
    QaService qaService(HybridRetriever retriever, PassageSelector selector, BgeEmbedder embedder, QaProperties p) {
        return new QaService(retriever, selector, new AnswerComposer(embedder), p, ConfidenceModel.load());
    }

    @Bean
    ZeroShotClassifier zeroShotClassifier(BgeEmbedder embedder) {
        return new ZeroShotClassifier(embedder);
    }

    @Bean
    SentimentAnalyzer sentimentAnalyzer(BgeEmbedder embedder) throws IOException {
        return new SentimentAnalyzer(embedder);
    }

    /**
     * The character LM's versions under {@code nlp.generation.model-location}; starts with {@code version}. Its
     * {@code models} health indicator (from serving-support) is part of readiness.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    ModelRegistry<LanguageModel> charLmModels(GenerationProperties p, ObjectProvider<ModelStores> storeProvider) {
        ModelStores stores = storeProvider.getIfAvailable(ModelStores::none);
        // on a shared store (serving.model-store.dir) the shipped versions are copied in and the active one is shared
        return new ModelRegistry<>(CharLanguageModel.NAME, stores.location(CharLanguageModel.NAME, p.modelLocation()),
                LanguageModel::load, p.version());
    }

    @Bean
    TextGenerator textGenerator(ModelRegistry<LanguageModel> charLmModels) {
        return new TextGenerator(charLmModels);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService generationExecutor(GenerationProperties p) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(p.streamThreads(), p.streamThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(p.streamThreads()), r -> {
                    Thread t = new Thread(r, "generation-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }
}
