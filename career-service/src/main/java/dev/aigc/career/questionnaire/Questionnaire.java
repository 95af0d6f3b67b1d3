package dev.aigc.career.questionnaire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.aigc.career.text.Text;

/** One version of the questionnaire, exactly as its data file holds it. */
public record Questionnaire(String version, Text title, Text instructions, Scale scale, List<Dimension> dimensions,
        List<Item> items, Scoring scoring, ConsistencyRules consistency, List<Citation> citations) {

    /** Fewest statements a dimension may have; a mean of fewer is too noisy to report. */
    public static final int MIN_ITEMS_PER_DIMENSION = 4;

    public Questionnaire {
        dimensions = List.copyOf(dimensions);
        items = items.stream().sorted(Comparator.comparingInt(Item::order)).toList();
        citations = List.copyOf(citations);
    }

    public Optional<Item> item(String id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst();
    }

    public Optional<Dimension> dimension(String id) {
        return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public List<String> dimensionIds() {
        return dimensions.stream().map(Dimension::id).toList();
    }

    /** Items of one dimension, in presentation order. */
    public List<Item> itemsOf(String dimension) {
        return items.stream().filter(item -> item.dimension().equals(dimension)).toList();
    }

    public Map<String, Item> itemsById() {
        return items.stream().collect(Collectors.toMap(Item::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** Problems that make this file unusable; empty when it is sound. Checked once at start-up. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> dimensionIds = new HashSet<>(dimensionIds());
        Set<String> citationIds = citations.stream().map(Citation::id).collect(Collectors.toSet());
        Set<String> itemIds = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (Item item : items) {
            if (!itemIds.add(item.id())) {
                problems.add("duplicate item id " + item.id());
            }
            if (!orders.add(item.order())) {
                problems.add("duplicate order " + item.order());
            }
            if (!dimensionIds.contains(item.dimension())) {
                problems.add("item " + item.id() + " has unknown dimension " + item.dimension());
            }
            if (item.text().isBlank()) {
                problems.add("item " + item.id() + " lacks a text in one language");
            }
        }
        for (Dimension dimension : dimensions) {
            List<Item> own = itemsOf(dimension.id());
            if (own.size() < MIN_ITEMS_PER_DIMENSION) {
                problems.add("dimension " + dimension.id() + " has " + own.size() + " items");
            }
            if (own.stream().noneMatch(Item::reverse) || own.stream().allMatch(Item::reverse)) {
                problems.add("dimension " + dimension.id() + " needs both plain and reverse-keyed items");
            }
            for (Band band : Band.values()) {
                if (dimension.interpretations().of(band) == null || dimension.interpretations().of(band).isBlank()) {
                    problems.add("dimension " + dimension.id() + " lacks a " + band.code() + " interpretation");
                }
            }
            dimension.grounding().stream().filter(id -> !citationIds.contains(id))
                    .forEach(id -> problems.add("dimension " + dimension.id() + " cites unknown " + id));
        }
        for (ConsistencyRules.Pair pair : consistency.pairs()) {
            if (!itemIds.contains(pair.first()) || !itemIds.contains(pair.second())) {
                problems.add("consistency pair " + pair.first() + "/" + pair.second() + " names an unknown item");
            }
        }
        consistency.citations().stream().filter(id -> !citationIds.contains(id))
                .forEach(id -> problems.add("consistency check cites unknown " + id));
        scoring.tolerance().dimensions().stream().filter(id -> !dimensionIds.contains(id))
                .forEach(id -> problems.add("tolerance index uses unknown dimension " + id));
        if (scale.min() >= scale.max() || scale.labels().size() != scale.max() - scale.min() + 1) {
            problems.add("scale must label every value from min to max");
        }
        return problems;
    }
}
