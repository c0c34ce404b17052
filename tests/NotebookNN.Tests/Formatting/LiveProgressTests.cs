using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Callbacks;
using NotebookNN.Formatting;
using NotebookNN.Text;
using NotebookNN.Display;

namespace NotebookNN.Tests.Formatting;

/// <summary>Tests that set the process-wide <see cref="DisplayHook"/> run one at a time.</summary>
[CollectionDefinition("DisplayHook", DisableParallelization = true)]
public sealed class DisplayHookCollection;

[Collection("DisplayHook")]
public class LiveProgressTests
{
    [Fact]
    public void Fit_progress_is_one_display_updated_in_place_and_ends_as_an_epoch_table()
    {
        var displays = new List<List<object>>();
        double now = 0;
        DisplayHook.Display = v => { var d = new List<object> { v }; displays.Add(d); return d.Add; };
        try
        {
            var logger = new ProgbarLogger(clock: () => now);
            logger.SetParams(new Dictionary<string, object> { ["verbose"] = 1, ["epochs"] = 3, ["steps"] = 100 });
            logger.OnTrainBegin(new Dictionary<string, double>());
            for (int e = 0; e < 3; e++)
            {
                logger.OnEpochBegin(e, new Dictionary<string, double>());
                for (int b = 0; b < 100; b++)
                {
                    now += 0.01; // 1 s of batches per epoch
                    logger.OnTrainBatchEnd(b, new Dictionary<string, double> { ["loss"] = 1.0 / (e + 1) });
                }
                logger.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = 1.0 / (e + 1), ["val_loss"] = 2.0 / (e + 1) });
            }
            logger.OnTrainEnd(new Dictionary<string, double>());
        }
        finally { DisplayHook.Display = null; }

        // Other test classes may run a Fit while the process-wide hook is set: keep the display of this run (100 steps).
        var shown = Assert.Single(displays, d => d.Any(f => f.ToString()!.Contains("/100 ")));
        // 1 s per epoch at ≤ 4 redraws a second, plus the epoch end: a few per epoch, not 100.
        int perEpoch = (shown.Count - 2) / 3;
        Assert.InRange(perEpoch, 2, 6);
        var running = shown.Cast<LiveView>().Select(f => f.ToDisplayString("text/html")).ToList();
        Assert.Contains(running, h => h.Contains("<progress") && h.Contains("Epoch 2/3"));
        var last = running[^1];
        Assert.DoesNotContain("<progress", last);
        var rows = Regex.Matches(Regex.Match(last, "<tbody>(.*?)</tbody>").Groups[1].Value, "<tr>(.*?)</tr>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("<td>3/3</td>", rows[2]);
        Assert.Contains("<td>0.3333</td><td>0.6667</td>", rows[2]);
        Assert.Contains("<th>loss</th><th>val_loss</th>", last);
    }

    /// <summary>Three epochs of 100 steps, 10 ms a step, through <paramref name="logger"/>.</summary>
    private static void ScriptedFit(ProgbarLogger logger, Func<double, double> advance)
    {
        logger.SetParams(new Dictionary<string, object> { ["verbose"] = 1, ["epochs"] = 3, ["steps"] = 100 });
        logger.OnTrainBegin(new Dictionary<string, double>());
        for (int e = 0; e < 3; e++)
        {
            logger.OnEpochBegin(e, new Dictionary<string, double>());
            for (int b = 0; b < 100; b++)
            {
                advance(0.01);
                logger.OnTrainBatchEnd(b, new Dictionary<string, double> { ["loss"] = 1.0 / (e + 1) });
            }
            logger.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = 1.0 / (e + 1), ["val_loss"] = 2.0 / (e + 1) });
        }
        logger.OnTrainEnd(new Dictionary<string, double>());
    }

    [Fact]
    public void The_finished_display_reads_as_plain_text_like_keras_redirected_output()
    {
        // Keras 2 with output redirected: "Epoch e/E", then each epoch's final bar line, which starts with a newline
        // (Progbar's non-dynamic display) and ends with one; time 1 s, 10 ms a step (no per-batch updates drawn).
        const string bar = "100/100 [==============================] - 1s 10ms/step";
        string keras = $"Epoch 1/3\n\n{bar} - loss: 1.0000 - val_loss: 2.0000\nEpoch 2/3\n\n{bar} - loss: 0.5000 - val_loss: 1.0000\n"
            + $"Epoch 3/3\n\n{bar} - loss: 0.3333 - val_loss: 0.6667";

        var displays = new List<List<object>>();
        double now = 0;
        DisplayHook.Display = v => { var d = new List<object> { v }; displays.Add(d); return d.Add; };
        // in a culture that writes 1,0: Keras's numbers are the same everywhere
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ","; // as de-DE (this test host may run without ICU's cultures)
        System.Globalization.CultureInfo.CurrentCulture = comma;
        try
        {
            Assert.Equal("1,0", 1.0.ToString("0.0")); // the culture is really in effect
            ScriptedFit(new ProgbarLogger(clock: () => now), dt => now += dt);
        }
        finally { DisplayHook.Display = null; System.Globalization.CultureInfo.CurrentCulture = culture; }
        var shown = Assert.Single(displays, d => d.Any(f => f.ToString()!.Contains("/100 ")));
        string plain = ((LiveView)shown[^1]).ToDisplayString("text/plain");
        Assert.Equal(keras, plain.ReplaceLineEndings("\n"));
        string html = ((LiveView)shown[^1]).ToDisplayString("text/html");
        Assert.Contains("<td>3/3</td><td>1.0s</td><td>0.3333</td><td>0.6667</td>", html);

        // the same as the console path writes for the same steps and clock
        var w = new StringWriter();
        double t = 0;
        ScriptedFit(new ProgbarLogger(output: w, isInteractive: false, clock: () => t), dt => t += dt);
        Assert.Equal(w.ToString().ReplaceLineEndings("\n").TrimEnd('\n'), plain.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Fit_verbose_1_goes_through_the_hook_when_it_is_set()
    {
        var x = Tensor.From(Enumerable.Range(0, 64 * 3).Select(i => (float)Math.Sin(i)).ToArray(), new Shape(64, 3));
        var y = Tensor.From(Enumerable.Range(0, 64).Select(i => (float)(i % 2)).ToArray(), new Shape(64, 1));
        var m = new Sequential([new NotebookNN.Layers.Dense(1, activation: "sigmoid", inputShape: [3])]);
        m.Compile(loss: "binary_crossentropy", optimizer: "sgd", metrics: ["accuracy"]);
        var displays = new List<List<object>>();
        DisplayHook.Display = v => { var d = new List<object> { v }; displays.Add(d); return d.Add; };
        History h;
        try { h = m.Fit(x, y, epochs: 3, batchSize: 16, verbose: 1, validationSplit: 0.25); }
        finally { DisplayHook.Display = null; }
        var last = Assert.Single(displays, d => d[^1].ToString()!.Contains("Epoch 3/3") && d.Count < 20)[^1].ToDisplayString("text/html");
        foreach (var k in new[] { "loss", "accuracy", "val_loss", "val_accuracy" })
        {
            Assert.Contains($"<th>{k}</th>", last);
            Assert.Contains($"<td>{PythonText.ProgbarValue(h.History[k][2])}</td>", last);
        }
        Assert.Contains("<td>3/3</td>", last);
    }

    [Fact]
    public void Without_the_hook_progbar_writes_keras_text()
    {
        DisplayHook.Display = null;
        var w = new StringWriter();
        var logger = new ProgbarLogger(output: w, isInteractive: false, clock: () => 0);
        logger.SetParams(new Dictionary<string, object> { ["verbose"] = 1, ["epochs"] = 2, ["steps"] = 4 });
        logger.OnTrainBegin(new Dictionary<string, double>());
        logger.OnEpochBegin(0, new Dictionary<string, double>());
        logger.OnEpochEnd(0, new Dictionary<string, double> { ["loss"] = 0.5 });
        var text = w.ToString();
        Assert.StartsWith("Epoch 1/2", text);
        Assert.Contains("4/4 [==============================]", text);
        Assert.Contains("loss: 0.5000", text);
    }
}
