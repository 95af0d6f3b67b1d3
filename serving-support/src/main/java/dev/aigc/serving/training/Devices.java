package dev.aigc.serving.training;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.Locale;

/**
 * Picks the device models run on: the first GPU when the engine sees one, unless {@code AIGC_DEVICE=cpu}
 * (environment) or {@code -Daigc.device=cpu} asks for the CPU. With the default CPU natives the engine sees no GPU.
 */
public final class Devices {

    private Devices() {
    }

    public static Device preferred() {
        String wanted = System.getProperty("aigc.device", System.getenv("AIGC_DEVICE"));
        if (wanted != null && wanted.toLowerCase(Locale.ROOT).startsWith("cpu")) {
            return Device.cpu();
        }
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }
}
