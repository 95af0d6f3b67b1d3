package dev.aigc.nlp.kb;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Where the knowledge base is stored ({@code nlp.kb.store.*}).
 *
 * @param backend {@code lucene}: an embedded index in {@code nlp.kb.index-dir} (one process; the default);
 *                {@code solr}: a SolrCloud collection shared by every replica of the service (no local state)
 * @param solr    the SolrCloud settings, read when {@code backend} is {@code solr}
 */
@Validated
@ConfigurationProperties("nlp.kb.store")
public record StoreProperties(@NotNull @DefaultValue("lucene") Backend backend, @Valid @DefaultValue Solr solr) {

    /** The two implementations of {@link KnowledgeStore}. */
    public enum Backend { LUCENE, SOLR }

    /**
     * @param urls                 base URLs of Solr nodes ({@code http://solr-0.solr:8983/solr}); any live node routes
     *                             a request to the right shards, the others are tried in turn when one is down
     * @param collection           the collection, created with its configset on first start when missing
     * @param configSet            name of the configset uploaded for it ({@code solr/kb} on the classpath)
     * @param shards               shards of a newly created collection
     * @param replicationFactor    replicas of each shard of a newly created collection (2 or more: a node can be lost)
     * @param minReplicationFactor a write is acknowledged only when Solr reports at least this many replicas of its
     *                             shard hold it ({@code rf}), otherwise it is answered 503; 1 = all live replicas
     * @param connectTimeout       TCP connect timeout per node
     * @param requestTimeout       time limit of one request (a commit included)
     * @param startupTimeout       how long start-up waits for the cluster to serve the collection
     */
    public record Solr(@DefaultValue("http://127.0.0.1:8983/solr") List<@NotBlank String> urls,
                       @NotBlank @DefaultValue("nlp-qa-kb") String collection,
                       @NotBlank @DefaultValue("nlp-qa-kb") String configSet,
                       @Min(1) @Max(64) @DefaultValue("2") int shards,
                       @Min(1) @Max(10) @DefaultValue("2") int replicationFactor,
                       @Min(1) @Max(10) @DefaultValue("1") int minReplicationFactor,
                       @NotNull @DefaultValue("5s") Duration connectTimeout,
                       @NotNull @DefaultValue("60s") Duration requestTimeout,
                       @NotNull @DefaultValue("120s") Duration startupTimeout) {
    }
}
