using NotebookNN.Compute.Gemm;

namespace NotebookNN.Tests.Compute;

/// <summary>
/// <c>Packing.Pack</c> against its definition (panel q, step p, lane i holds element (q·w + i, p), zero past the
/// count) for every panel width a kernel uses — 6 and 16 (AVX2), 8 and 48 (AVX-512's A and B), 4 (scalar) — with the
/// source contiguous along the wide dimension and along the depth (a transposed operand: the 8×8 and 4×4 transpose
/// paths), full and partial panels, k below and past a multiple of 8. The packing runs with AVX alone, so the
/// AVX-512 kernel's widths are checked on a machine without AVX-512 too.
/// </summary>
public unsafe class PackingTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(48)]
    public void Panels_hold_each_element_at_its_place_and_zeros_past_the_count(int w)
    {
        foreach (bool wideContiguous in new[] { true, false })
        foreach (int count in new[] { 1, 3, w - 1, w, w + 5, 2 * w, 2 * w + 7 })
        foreach (int kc in new[] { 1, 7, 8, 9, 17, 33 })
        {
            if (count < 1) continue;
            // a source with a padded leading dimension, so the strides differ from the extents
            nint wideStride = wideContiguous ? 1 : kc + 3, depthStride = wideContiguous ? count + 2 : 1;
            var src = new float[(count - 1) * wideStride + (kc - 1) * depthStride + 1];
            for (int i = 0; i < src.Length; i++) src[i] = i + 1;
            int panels = (count + w - 1) / w;
            var dst = new float[panels * w * kc];
            Array.Fill(dst, float.NaN);
            fixed (float* s = src, d = dst) Packing.Pack(s, wideStride, depthStride, count, kc, w, d);

            for (int q = 0; q < panels; q++)
            for (int p = 0; p < kc; p++)
            for (int i = 0; i < w; i++)
            {
                int wide = q * w + i;
                float expected = wide < count ? src[wide * wideStride + p * depthStride] : 0f;
                Assert.True(expected == dst[(q * kc + p) * w + i],
                    $"w={w} count={count} kc={kc} wideContiguous={wideContiguous}: panel {q}, k {p}, lane {i} holds {dst[(q * kc + p) * w + i]}, expected {expected}");
            }
        }
    }
}
