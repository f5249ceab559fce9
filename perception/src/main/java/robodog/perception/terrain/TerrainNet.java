package robodog.perception.terrain;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The terrain classifier's network: four 3 × 3 convolution stages (16, 32, 64, 96 filters, batch
 * norm, ReLU, 2 × 2 max pooling), global average pooling and one linear layer to class scores.
 * About 50 k parameters (≈ 0.2 MB): small enough to train in a minute on a CPU and to run in a few
 * milliseconds per patch. Input: (N, 3, size, size) floats, RGB scaled to [-0.5, 0.5].
 */
public final class TerrainNet {
  private TerrainNet() {}

  /** A fresh, uninitialised network with {@code classes} outputs. */
  public static Block build(int classes) {
    SequentialBlock net = new SequentialBlock();
    int[] filters = {16, 32, 64, 96};
    for (int f : filters) {
      net.add(
          Conv2d.builder()
              .setFilters(f)
              .setKernelShape(new Shape(3, 3))
              .optPadding(new Shape(1, 1))
              .build());
      net.add(BatchNorm.builder().build());
      net.add(Activation::relu);
      net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    }
    net.add(Pool.globalAvgPool2dBlock());
    net.add(Linear.builder().setUnits(classes).build());
    return net;
  }
}
