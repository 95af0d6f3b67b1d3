package dev.aigc.gan.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import java.util.Locale;

/**
 * The two GAN designs this service knows: the class-conditional DCGAN it serves and the seed's unconditional MLP GAN
 * kept as the baseline. Generators map a latent row to a {@code (batch, 1, 28, 28)} image in [-1, 1] (tanh).
 */
public enum GanArchitecture {

    /**
     * Class-conditional DCGAN. Generator: [z(100) ‖ one-hot digit(10)] → Linear 6272 → BN → ReLU → 128×7×7 →
     * Conv 3×3 (64) → BN → ReLU → nearest ×2 → Conv 3×3 (32) → BN → ReLU → nearest ×2 → Conv 3×3 (1) → tanh
     * → 1×28×28 (about 8.1 M multiply-accumulates per image).
     * (Resize-then-convolve instead of transposed convolutions: DJL 0.25's PyTorch engine does not implement
     * deconvolution, and this form avoids checkerboard artefacts.)
     * Discriminator: image ‖ learned 28×28 label map → Conv 4×4/2 (32) → LeakyReLU → Dropout → Conv 4×4/2 (64)
     * → LeakyReLU → Dropout → Linear → logit.
     */
    CDCGAN(true) {
        @Override
        public Block generator() {
            return new SequentialBlock()
                    .add(Linear.builder().setUnits(128 * 7 * 7).optBias(false).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(x -> new NDList(x.singletonOrThrow().reshape(-1, 128, 7, 7)))
                    .add(conv3x3(64, false))
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(GanArchitecture::upsample)
                    .add(conv3x3(32, false))
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(GanArchitecture::upsample)
                    .add(conv3x3(1, true))
                    .add(Activation.tanhBlock());
        }

        @Override
        public Block discriminator() {
            return new ConditionalDiscriminator(new SequentialBlock()
                    .add(conv(32))
                    .add(Activation.leakyReluBlock(0.2f))
                    .add(Dropout.builder().optRate(0.3f).build())
                    .add(conv(64))
                    .add(Activation.leakyReluBlock(0.2f))
                    .add(Dropout.builder().optRate(0.3f).build())
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(1).build()));
        }

        @Override
        public long generatorMacs() {
            long dense = (long) inputSize() * 128 * 7 * 7;
            long conv1 = 7L * 7 * 64 * 128 * 9;
            long conv2 = 14L * 14 * 32 * 64 * 9;
            long conv3 = 28L * 28 * 1 * 32 * 9;
            return dense + conv1 + conv2 + conv3;
        }
    },

    /**
     * The seed design: noise 100 → 128 → 256 → 512 → 1024 → 784 with ReLU and a tanh output (the seed's listing
     * omitted the 784 output layer); discriminator 784 → 1024 → 512 → 256 → 1 with ReLU. No label input.
     */
    MLP(false) {
        @Override
        public Block generator() {
            SequentialBlock block = new SequentialBlock();
            for (int units : new int[] {128, 256, 512, 1024}) {
                block.add(Linear.builder().setUnits(units).build()).add(Activation.reluBlock());
            }
            return block.add(Linear.builder().setUnits(784).build())
                    .add(Activation.tanhBlock())
                    .add(x -> new NDList(x.singletonOrThrow().reshape(-1, 1, 28, 28)));
        }

        @Override
        public Block discriminator() {
            SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock());
            for (int units : new int[] {1024, 512, 256}) {
                block.add(Linear.builder().setUnits(units).build()).add(Activation.reluBlock());
            }
            return block.add(Linear.builder().setUnits(1).build());
        }

        @Override
        public long generatorMacs() {
            int[] widths = {LATENT, 128, 256, 512, 1024, 784};
            long macs = 0;
            for (int i = 1; i < widths.length; i++) {
                macs += (long) widths[i - 1] * widths[i];
            }
            return macs;
        }
    };

    /** Length of the noise vector z. */
    public static final int LATENT = 100;
    /** Number of classes (digits). */
    public static final int CLASSES = 10;

    private final boolean conditional;

    GanArchitecture(boolean conditional) {
        this.conditional = conditional;
    }

    /** A fresh (uninitialised) generator block. */
    public abstract Block generator();

    /** A fresh (uninitialised) discriminator block; conditional ones take {@code (image, one-hot label)}. */
    public abstract Block discriminator();

    /** Multiply-accumulates of one generator forward pass for one image (dense and convolution layers). */
    public abstract long generatorMacs();

    /** Floating-point operations per generated image (2 per multiply-accumulate). */
    public long generatorFlops() {
        return 2 * generatorMacs();
    }

    public boolean conditional() {
        return conditional;
    }

    /** Width of one generator input row: z, plus the one-hot digit for conditional models. */
    public int inputSize() {
        return conditional ? LATENT + CLASSES : LATENT;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GanArchitecture of(String id) {
        for (GanArchitecture a : values()) {
            if (a.id().equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown GAN architecture '" + id + "' (expected cdcgan or mlp)");
    }

    private static Block conv3x3(int filters, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                .optBias(bias).build();
    }

    /** Nearest-neighbour ×2 upsampling of {@code (B, C, H, W)} by broadcasting. */
    static NDList upsample(NDList in) {
        NDArray x = in.singletonOrThrow();
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return new NDList(x.reshape(b, c, h, 1, w, 1).broadcast(new Shape(b, c, h, 2, w, 2))
                .reshape(b, c, 2 * h, 2 * w));
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(2, 2))
                .optPadding(new Shape(1, 1)).setFilters(filters).build();
    }
}
