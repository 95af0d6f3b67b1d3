package dev.aigc.clients.calls;

import dev.aigc.client.gan.api.GanGenerationApi;
import dev.aigc.client.gan.api.GanModelsApi;
import dev.aigc.client.gan.model.GenerationRequest;
import dev.aigc.client.gan.model.GenerationResponse;
import dev.aigc.client.gan.model.ModelVersionView;
import dev.aigc.client.gan.model.ModelsView;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Two seeded 7s as PNG with the generated GAN client, and the generator versions from the models API every model
 * service shares ({@code active} plus each version with its card).
 */
public class GanCall implements Callable<Map<String, Object>> {

    @Override
    public Map<String, Object> call() throws Exception {
        GenerationResponse response = new GanGenerationApi().generate(new GenerationRequest().count(2).digit(7)
                .seed(42L).format(GenerationRequest.FormatEnum.PNG));
        byte[] png = Base64.getDecoder().decode(response.getImages().get(0).getPng());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("count", response.getCount());
        facts.put("digit", response.getImages().get(0).getDigit());
        facts.put("png", png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        ModelsView models = new GanModelsApi().listModels();
        ModelVersionView active = models.getVersions().stream()
                .filter(v -> Boolean.TRUE.equals(v.getActive())).findFirst().orElseThrow();
        facts.put("servingVersionListedActive", active.getVersion().equals(models.getActive())
                && active.getVersion().equals(response.getVersion()));
        facts.put("cardName", active.getCard().getName());
        return facts;
    }
}
