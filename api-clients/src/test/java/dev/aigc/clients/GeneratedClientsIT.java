package dev.aigc.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What a client author does with the platform: runs the four services and the gateway from their packaged jars
 * (embedded defaults, anonymous access on), downloads each service's OpenAPI document from the gateway's Swagger UI
 * address, validates it as {@code openapi-generator-cli validate --recommend} does, generates a Java client with
 * OpenAPI Generator ({@code java}, library {@code native}), compiles the four
 * clients, and calls each service through the gateway with its client. The calls are ordinary Java under
 * {@code src/test/calls}, compiled against the generated code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientsIT {

    static final List<String> SERVICES = List.of("classifier", "gan", "nlp-qa", "career");
    static final Path ROOT = Path.of(System.getProperty("aigc.root", "..")).toAbsolutePath().normalize();
    static final Path WORK = Path.of(System.getProperty("aigc.work", "target/clients-it")).toAbsolutePath();
    static final String VERSION = System.getProperty("aigc.version", "0.1.0-SNAPSHOT");

    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The start of a line in Boot's console pattern: timestamp, level, pid, "---". */
    static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+[A-Z]+\\s+\\d+ --- ");
    static final Platform PLATFORM = new Platform(ROOT, WORK, VERSION);
    static URLClassLoader clients;

    @BeforeAll
    static void startThePlatform() throws Exception {
        PLATFORM.start(SERVICES);
    }

    @AfterAll
    static void stopThePlatform() throws IOException {
        if (clients != null) {
            clients.close();
        }
        PLATFORM.stop();
    }

    @Test
    @Order(1)
    void shouldGenerateAndCompileAClientForEveryService() throws Exception {
        List<Path> sources = new ArrayList<>();
        for (String service : SERVICES) {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(
                    URI.create(PLATFORM.gateway() + "/v3/api-docs/" + service)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(document.statusCode()).as(service + " document").isEqualTo(200);
            Path spec = WORK.resolve("documents/" + service + ".json");
            Files.createDirectories(spec.getParent());
            Files.writeString(spec, document.body());
            assertThat(validate(spec)).as(service + " document: OpenAPI Generator's validate --recommend").isEmpty();
            sources.addAll(generate(service, spec));
        }
        try (Stream<Path> calls = Files.walk(Path.of("src/test/calls"))) {
            calls.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }

        Path classes = WORK.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-nowarn", "-encoding", "UTF-8", "-proc:none",
                "-d", classes.toString(), "-cp", clientClasspath()));
        sources.forEach(source -> arguments.add(source.toString()));
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, errors, arguments.toArray(String[]::new));

        assertThat(status).as("javac of the generated clients:%n%s", errors.toString(StandardCharsets.UTF_8))
                .isZero();
        clients = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    @Order(2)
    void shouldClassifyADrawnOneThroughTheGatewayWithTheGeneratedKServeClient() throws Exception {
        Map<String, Object> facts = call("ClassifierCall");

        assertThat(facts).containsEntry("id", "generated-client").containsEntry("shape", List.of(1L, 10L))
                .containsEntry("digit", 1).containsEntry("versionAnswered", true);
    }

    @Test
    @Order(2)
    void shouldDrawDigitsThroughTheGatewayWithTheGeneratedGanClient() throws Exception {
        Map<String, Object> facts = call("GanCall");

        assertThat(facts).containsEntry("count", 2).containsEntry("digit", 7).containsEntry("png", true)
                .containsEntry("servingVersionListedActive", true).containsEntry("cardName", "cdcgan");
    }

    @Test
    @Order(2)
    void shouldAnswerAHybridQuestionThroughTheGatewayWithTheGeneratedNlpQaClient() throws Exception {
        Map<String, Object> facts = call("NlpQaCall");

        assertThat(facts).containsEntry("answered", true).containsEntry("mode", "hybrid");
        assertThat((Integer) facts.get("citations")).isPositive();
    }

    @Test
    @Order(2)
    void shouldFetchTheQuestionnaireThroughTheGatewayWithTheGeneratedCareerClient() throws Exception {
        Map<String, Object> facts = call("CareerCall");

        assertThat(facts).containsEntry("version", "v1");
        assertThat((Integer) facts.get("items")).isPositive();
    }

    @Test
    @Order(3)
    void shouldNameTheServiceOnceInEveryLogLine() throws IOException {
        for (String service : SERVICES) {
            String name = service + "-service";
            List<String> lines = PLATFORM.log(service).stream().filter(line -> LOG_LINE.matcher(line).find()).toList();
            assertThat(lines).as(service + " log lines").hasSizeGreaterThan(5);
            // Boot's pattern names the application once; the duplicate "[name,id]" level pattern is gone
            assertThat(lines).allSatisfy(line -> assertThat(occurrences(line, "[" + name + "]")).as(line).isEqualTo(1))
                    .noneSatisfy(line -> assertThat(line).contains("[" + name + ","));
            assertThat(lines).filteredOn(line -> line.contains("Tomcat started on port")).singleElement()
                    .satisfies(line -> assertThat(occurrences(line, name)).as(line).isEqualTo(1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(String name) throws Exception {
        assertThat(clients).as("the clients compiled").isNotNull();
        Class<?> type = clients.loadClass("dev.aigc.clients.calls." + name);
        return ((Callable<Map<String, Object>>) type.getDeclaredConstructor().newInstance()).call();
    }

    /** What {@code openapi-generator-cli validate --recommend} reports: parse messages, errors and warnings. */
    private static List<String> validate(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readLocation(spec.toString(), null, options);
        List<String> issues = new ArrayList<>(parsed.getMessages() == null ? List.of() : parsed.getMessages());
        RuleConfiguration rules = new RuleConfiguration();
        rules.setEnableRecommendations(true);
        ValidationResult result = new OpenApiEvaluator(rules).validate(parsed.getOpenAPI());
        result.getErrors().forEach(e -> issues.add("error: " + e.getMessage() + " " + e.getDetails()));
        result.getWarnings().forEach(w -> issues.add("warning: " + w.getMessage() + " " + w.getDetails()));
        return issues;
    }

    private static List<Path> generate(String service, Path spec) throws IOException {
        String pkg = "dev.aigc.client." + service.replace("-", "");
        Path out = WORK.resolve("generated/" + service);
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(spec.toString())
                .setOutputDir(out.toString())
                .setApiPackage(pkg + ".api")
                .setModelPackage(pkg + ".model")
                .setInvokerPackage(pkg)
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("annotationLibrary", "none")
                // nlp-qa's document ingestion takes JSON, text and a multipart upload on one operation; the
                // generator's default (skipFormModel=true) then imports the upload's form model without writing it
                .addGlobalProperty("skipFormModel", "false")
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
        List<Path> sources = new ArrayList<>();
        for (java.io.File file : new DefaultGenerator().opts(configurator.toClientOptInput()).generate()) {
            if (file.getName().endsWith(".java") && file.toPath().startsWith(out.resolve("src/main/java"))) {
                sources.add(file.toPath());
            }
        }
        assertThat(sources).as(service + " generated sources").isNotEmpty();
        return sources;
    }

    /** Jackson 2 with its java.time module, jakarta.annotation, httpmime and httpclient, as the generated pom lists. */
    private static String clientClasspath() throws Exception {
        Map<String, String> jars = new LinkedHashMap<>();
        for (String type : List.of("com.fasterxml.jackson.databind.ObjectMapper",
                "com.fasterxml.jackson.core.JsonParser", "com.fasterxml.jackson.annotation.JsonProperty",
                "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule", "jakarta.annotation.Nonnull",
                "org.apache.http.entity.mime.MultipartEntityBuilder", "org.apache.http.HttpEntity",
                "org.apache.http.client.entity.UrlEncodedFormEntity")) {
            URL location = Class.forName(type).getProtectionDomain().getCodeSource().getLocation();
            jars.put(type, Path.of(location.toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, jars.values());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
