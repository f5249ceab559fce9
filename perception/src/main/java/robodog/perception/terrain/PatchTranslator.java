package robodog.perception.terrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * DJL translator of the terrain classifier: a BGR {@link TerrainPatch} in, class probabilities
 * (softmax, in the model's class order) out. Stateless; the NDArrays live in the predictor's
 * per-call manager and are freed with it.
 */
public final class PatchTranslator implements Translator<TerrainPatch, float[]> {
  private final int size;

  /** For a model trained on {@code size} × {@code size} patches. */
  public PatchTranslator(int size) {
    this.size = size;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, TerrainPatch input) {
    if (input.size() != size) {
      throw new IllegalArgumentException(
          "terrain classifier expects "
              + size
              + "x"
              + size
              + " patches, got "
              + input.size()
              + "x"
              + input.size()
              + " (resample with TerrainPatch.fromFrame)");
    }
    return new NDList(toChw(ctx.getNDManager(), input));
  }

  @Override
  public float[] processOutput(TranslatorContext ctx, NDList list) {
    return list.singletonOrThrow().softmax(-1).toFloatArray();
  }

  /** The patch as a (3, size, size) RGB float array scaled to [-0.5, 0.5]. */
  static NDArray toChw(NDManager manager, TerrainPatch p) {
    return manager.create(toChwFloats(p), new Shape(3, p.size(), p.size()));
  }

  /** The patch as CHW RGB floats in [-0.5, 0.5] (the network's input layout). */
  static float[] toChwFloats(TerrainPatch p) {
    int n = p.size() * p.size();
    float[] out = new float[3 * n];
    byte[] bgr = p.bgr();
    for (int i = 0; i < n; i++) {
      out[i] = (bgr[3 * i + 2] & 0xff) / 255f - 0.5f;
      out[n + i] = (bgr[3 * i + 1] & 0xff) / 255f - 0.5f;
      out[2 * n + i] = (bgr[3 * i] & 0xff) / 255f - 0.5f;
    }
    return out;
  }
}
