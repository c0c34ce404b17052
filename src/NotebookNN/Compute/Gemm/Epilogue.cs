using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace NotebookNN.Compute.Gemm
{
    /// <summary>The activation a fused op (GEMM epilogue, fused dense) applies to its output.</summary>
    internal enum FusedActivation { Linear, Relu, Sigmoid, Tanh }

    /// <summary>
    /// What a GEMM does to each output tile after <c>alpha·op(A)·op(B) + beta·C</c>: add <see cref="Bias"/>
    /// (one value per column, empty for none), then apply <see cref="Activation"/>.
    /// </summary>
    internal readonly ref struct Epilogue(ReadOnlySpan<float> bias, FusedActivation activation)
    {
        public ReadOnlySpan<float> Bias { get; } = bias;
        public FusedActivation Activation { get; } = activation;
    }

    /// <summary>
    /// How a micro-kernel writes its tile: <c>C = Alpha·acc + Beta·C</c> (C is not read when Beta is 0), then
    /// <c>+ Bias[j]</c> when Bias is not null, then the activation. Bias is already offset to the tile's first column.
    /// Earlier depth panels use Beta 1 and no epilogue; only the last one carries it.
    /// </summary>
    internal unsafe readonly struct TileStore(float alpha, float beta, float* bias, FusedActivation act)
    {
        public readonly float Alpha = alpha;
        public readonly float Beta = beta;
        public readonly float* Bias = bias;
        public readonly FusedActivation Act = act;

        public TileStore AtColumn(int j) => new(Alpha, Beta, Bias == null ? null : Bias + j, Act);

        /// <summary>True for activations the kernels apply in registers (Relu) or not at all (Linear).</summary>
        public bool IsRegisterActivation => Act is FusedActivation.Linear or FusedActivation.Relu;

        /// <summary>Writes an mr × nr accumulator tile (row stride accStride) to C: the path for edges and the scalar kernel.</summary>
        public void StoreTile(float* acc, int accStride, float* c, int ldc, int mr, int nr)
        {
            for (int r = 0; r < mr; r++)
            {
                float* crow = c + (nint)r * ldc, arow = acc + r * accStride;
                for (int j = 0; j < nr; j++)
                {
                    float v = Alpha * arow[j];
                    if (Beta != 0) v += Beta * crow[j];
                    if (Bias != null) v += Bias[j];
                    if (Act == FusedActivation.Relu) v = MathF.Max(v, 0f);
                    crow[j] = v;
                }
            }
            ApplyTranscendental(c, ldc, mr, nr);
        }

        /// <summary>Applies Sigmoid or Tanh to a stored tile while it is still in L1 (no-op for the others).</summary>
        public void ApplyTranscendental(float* c, int ldc, int mr, int nr)
        {
            if (IsRegisterActivation) return;
            for (int r = 0; r < mr; r++)
            {
                var row = new Span<float>(c + (nint)r * ldc, nr);
                if (Act == FusedActivation.Sigmoid) TensorPrimitives.Sigmoid(row, row);
                else TensorPrimitives.Tanh(row, row);
            }
        }
    }

    /// <summary>The backward pieces of fused GEMM ops: activation derivative from the saved output, bias gradient.</summary>
    internal static class FusedBackward
    {
        /// <summary>Column sums of a row-major rows × cols matrix (the bias gradient).</summary>
        public static void ColumnSums(ReadOnlySpan<float> z, int rows, int cols, Span<float> sums)
        {
            sums.Clear();
            for (int r = 0; r < rows; r++) TensorPrimitives.Add(sums, z.Slice(r * cols, cols), sums);
        }

        /// <summary>dz = g ⊙ act'(y), where y = act(z) is the op's output.</summary>
        public static void ActivationGrad(FusedActivation act, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dz)
        {
            switch (act)
            {
                case FusedActivation.Linear: g.CopyTo(dz); break;
                case FusedActivation.Relu: ReluGrad(y, g, dz); break;
                case FusedActivation.Sigmoid: // y (1 - y) = y - y²
                    TensorPrimitives.Multiply(y, y, dz);
                    TensorPrimitives.Subtract(y, dz, dz);
                    TensorPrimitives.Multiply(dz, g, dz);
                    break;
                case FusedActivation.Tanh: // 1 - y²: g - g·y²
                    TensorPrimitives.Multiply(y, y, dz);
                    TensorPrimitives.Multiply(dz, g, dz);
                    TensorPrimitives.Subtract(g, dz, dz);
                    break;
            }
        }

        private static void ReluGrad(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dz)
        {
            int i = 0;
            if (Vector512.IsHardwareAccelerated)
                for (; i <= y.Length - 16; i += 16)
                {
                    var yv = Vector512.Create(y.Slice(i, 16));
                    var gv = Vector512.Create(g.Slice(i, 16));
                    Vector512.ConditionalSelect(Vector512.GreaterThan(yv, Vector512<float>.Zero), gv, Vector512<float>.Zero).CopyTo(dz.Slice(i, 16));
                }
            for (; i < y.Length; i++) dz[i] = y[i] > 0f ? g[i] : 0f;
        }
    }
}
