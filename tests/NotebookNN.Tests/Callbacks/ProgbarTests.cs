using NotebookNN.Callbacks;
using NotebookNN.Display;

namespace NotebookNN.Tests.Callbacks;

/// <summary>
/// Exact output of <see cref="Progbar"/> for scripted updates and clock readings. Every expected string is
/// worked out by hand from Keras 2's Progbar.update (tf.keras 2.9–2.12, keras/utils/generic_utils.py); the
/// comments give the arithmetic.
/// </summary>
public class ProgbarTests
{
    private sealed class Script
    {
        private readonly Queue<double> _times;
        public Script(params double[] times) => _times = new(times);
        public double Next() => _times.Dequeue();
    }

    private static KeyValuePair<string, double>[] V(params (string, double)[] values) =>
        values.Select(v => KeyValuePair.Create(v.Item1, v.Item2)).ToArray();

    private static (Progbar, StringWriter) Make(int? target, int verbose, bool interactive, string[]? stateful, params double[] clock)
    {
        var writer = new StringWriter();
        var script = new Script(clock);
        return (new Progbar(target, verbose: verbose, statefulMetrics: stateful, output: writer, isInteractive: interactive, clock: script.Next), writer);
    }

    [Fact]
    public void InteractiveBarAveragesThrottlesAndFinishes()
    {
        var (bar, w) = Make(10, 1, true, null, 0.0, 0.5, 0.52, 2.0, 3.3);
        // t=0.5, step 1: width int(30·0.1)=3 → "==>" + 27 dots; 0.5 s/step (first step), ETA 0.5·9=4.5 → "4s".
        bar.Update(1, V(("loss", 0.5), ("acc", 0.75)));
        string first = "\r 1/10 [==>...........................] - ETA: 4s - loss: 0.5000 - acc: 0.7500";
        Assert.Equal(first, w.ToString());
        // t=0.52: 0.02 s after the last draw < interval 0.05 → nothing drawn, values still accumulate.
        bar.Update(2, V(("loss", 0.3), ("acc", 1.0)));
        Assert.Equal(first, w.ToString());
        // t=2.0, step 5 (3 steps weighted): loss (0.5+0.3+0.2·3)/5=0.28, acc (0.75+1+0.5·3)/5=0.65;
        // step time ignores step 1: (2.0−0.5)/4=0.375, ETA 0.375·5=1.875 → "1s". Previous width 38+39=77 → 77 '\b'.
        bar.Update(5, V(("loss", 0.2), ("acc", 0.5)));
        string second = new string('\b', 77) + "\r 5/10 [==============>...............] - ETA: 1s - loss: 0.2800 - acc: 0.6500";
        Assert.Equal(first + second, w.ToString());
        // t=3.3, step 10 (final): loss (1.4+0.1·5)/10=0.19, acc (3.25+5)/10=0.825; elapsed "3s";
        // (3.3−0.5)/9=0.3111 s → "311ms/step"; final draw ends with '\n'.
        bar.Update(10, V(("loss", 0.1), ("acc", 1.0)));
        string third = new string('\b', 77) + "\r10/10 [==============================] - 3s 311ms/step - loss: 0.1900 - acc: 0.8250\n";
        Assert.Equal(first + second + third, w.ToString());
    }

    [Fact]
    public void PublishedFitLineWithStatefulMetrics()
    {
        // Keras 2's fit marks model metrics stateful (shown as given); val_* arrive only at the end (weight 1).
        string[] stateful = ["loss", "accuracy"];
        var (bar, w) = Make(1719, 1, true, stateful, 0.0, 0.05, 3.4);
        bar.Update(1, V(("loss", 2.1), ("accuracy", 0.2)));
        w.GetStringBuilder().Clear();
        // (3.4−0.05)/1718 = 0.00195 s → "2ms/step"; 3.4 s → "3s". Previous line: bar "   1/1719 [" + 30 + "]" = 42,
        // info " - ETA: 1:25" (0.05·1718 = 85.9 s) + " - loss: 2.1000" + " - accuracy: 0.2000" = 12 + 15 + 19 = 46.
        bar.Update(1719, V(("loss", 0.48431), ("accuracy", 0.83178), ("val_loss", 0.43449), ("val_accuracy", 0.85381)));
        Assert.Equal(new string('\b', 88) + "\r1719/1719 [==============================] - 3s 2ms/step - loss: 0.4843 - accuracy: 0.8318 - val_loss: 0.4345 - val_accuracy: 0.8538\n",
            w.ToString());
    }

    [Fact]
    public void RedirectedOutputStartsEachDrawOnANewLine()
    {
        var (bar, w) = Make(4, 1, false, null, 0.0, 1.0, 2.0);
        bar.Update(2, V(("loss", 0.0005)));   // |0.0005| ≤ 1e-3 → "%.4e"; width int(30·0.5)=15; 0.5 s/step·2 → "1s"
        bar.Update(4, V(("loss", 0.0005)));   // (2.0−0)/4 = 0.5 s → "500ms/step"
        Assert.Equal("\n2/4 [==============>...............] - ETA: 1s - loss: 5.0000e-04" +
                     "\n4/4 [==============================] - 2s 500ms/step - loss: 5.0000e-04\n", w.ToString());
    }

    [Theory]
    [InlineData(3904, 1.0, "   1/3904 [..............................] - ETA: 1:05:03")]   // 3903 s > 3600
    [InlineData(66, 1.0, "\r 1/66 [..............................] - ETA: 1:05")]              // 65 s > 60
    [InlineData(6, 1.0, "\r1/6 [====>.........................] - ETA: 5s")]                     // 5 s; int(30/6)=5
    public void EtaFormats(int target, double at, string expected)
    {
        var (bar, w) = Make(target, 1, true, null, 0.0, at);
        bar.Update(1);
        Assert.Equal(expected.StartsWith('\r') ? expected : "\r" + expected, w.ToString());
    }

    [Fact]
    public void MicrosecondsPerStepAndHalfEvenSeconds()
    {
        // 0.5 s elapsed prints "0s" (Python rounds half to even); 0.5/1000 s → "500us/step".
        var (bar, w) = Make(1000, 1, true, null, 0.0, 0.5);
        bar.Update(1000);
        Assert.Equal("\r1000/1000 [==============================] - 0s 500us/step\n", w.ToString());
    }

    [Fact]
    public void UnknownTarget()
    {
        var (bar, w) = Make(null, 1, true, null, 0.0, 2.0);
        bar.Update(12, V(("loss", 1.25)));   // "%7d/Unknown", elapsed 2 s, 2/12 = 0.1667 s → "167ms/step"
        Assert.Equal("\r     12/Unknown - 2s 167ms/step - loss: 1.2500", w.ToString());
    }

    [Fact]
    public void VerboseTwoPrintsOneLinePerEpoch()
    {
        string[] stateful = ["loss", "accuracy"];
        var (bar, w) = Make(1719, 2, false, stateful, 0.0, 1.0, 3.4);
        bar.Update(800, V(("loss", 0.7), ("accuracy", 0.6)));
        Assert.Equal("", w.ToString());
        // 3.4 s for the epoch → "3s/epoch"; 3.4/1719 = 0.00198 s → "2ms/step"; a negative value fails "avg > 1e-3".
        bar.Update(1719, V(("loss", 0.48431), ("accuracy", 0.83178), ("val_loss", -0.5)));
        Assert.Equal("1719/1719 - 3s - loss: 0.4843 - accuracy: 0.8318 - val_loss: -5.0000e-01 - 3s/epoch - 2ms/step\n", w.ToString());
    }

    [Fact]
    public void ShorterRedrawIsPaddedWithSpaces()
    {
        var (bar, w) = Make(66, 1, true, null, 0.0, 1.0, 1.1);
        bar.Update(1);      // " 1/66 [" + 30 dots + "]" = 38, " - ETA: 1:05" = 12 → width 50
        w.GetStringBuilder().Clear();
        bar.Update(2);      // (1.1−1.0)/1 = 0.1 s/step, ETA 6.4 → "6s": width 38 + 10 = 48 → 2 spaces of padding
        Assert.Equal(new string('\b', 50) + "\r 2/66 [..............................] - ETA: 6s  ", w.ToString());
    }

    [Fact]
    public void SilentAtVerboseZero()
    {
        var (bar, w) = Make(2, 0, true, null, 0.0, 1.0, 2.0);
        bar.Update(1, V(("loss", 1)));
        bar.Update(2, V(("loss", 1)));
        Assert.Equal("", w.ToString());
    }
}
