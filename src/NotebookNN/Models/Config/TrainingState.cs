using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookNN.Losses;
using NotebookNN.Metrics;
using NotebookNN.Optimizers;
using NotebookNN.Saving;

namespace NotebookNN.Models;

/// <summary>
/// What <c>Compile</c> set and the optimizer's progress, so a loaded model resumes training where it stopped: the
/// losses, loss weights and metric names, the optimizer's class, settings and iteration count (in config.json), and its
/// slots for each trainable weight (<c>optimizer/…npy</c>).
/// </summary>
internal static class TrainingState
{
    public static JsonObject? CompileToJson(Model model)
    {
        if (!model.IsCompiled) return null;
        var (losses, weights, metrics) = model.CompileSettings();
        return new JsonObject
        {
            ["loss"] = losses,
            ["loss_weights"] = weights,
            ["metrics"] = new JsonArray(metrics.Select(m => (JsonNode)m).ToArray()),
            ["optimizer"] = new JsonObject
            {
                ["class_name"] = model.Optimizer!.GetType().Name,
                ["config"] = ObjectConfig.FromProperties(model.Optimizer),
                ["iterations"] = model.Optimizer.Iterations,
            },
        };
    }

    public static void WriteSlots(ZipArchive zip, Model model)
    {
        if (model.Optimizer is not { } opt) return;
        var trainable = model.TrainableWeights;
        for (int i = 0; i < trainable.Count; i++)
            if (opt.GetSlots(trainable[i]) is { } slots)
                for (int j = 0; j < slots.Count; j++) ModelArchive.WriteTensor(zip, ModelArchive.SlotEntry(i, j), slots.Slots[j]);
    }

    /// <summary>Compiles <paramref name="model"/> as it was saved and restores the optimizer's state.</summary>
    public static void Restore(Model model, JsonObject compile, ZipArchive zip, string path)
    {
        var opt = compile["optimizer"]!.AsObject();
        var className = opt["class_name"]!.GetValue<string>();
        var type = Optimizer.Names.TryResolve(className, out var named) && named.GetType().Name == className ? named.GetType()
            : throw new InvalidDataException($"File '{path}' names an unknown optimizer: '{className}'.");
        var optimizer = (Optimizer)ObjectConfig.Construct(type, opt["config"]!.AsObject(), $"optimizer '{className}'");
        var metrics = compile["metrics"]?.Deserialize<string[]>()?.Select(n => (Metric)n).ToList();
        switch (compile["loss"])
        {
            case JsonArray list:
                model.Compile(optimizer, list.Select(l => Loss.Get(l!.GetValue<string>())).ToList(), compile["loss_weights"]?.Deserialize<double[]>(), metrics);
                break;
            case JsonObject dict:
                model.Compile(optimizer, dict.ToDictionary(kv => kv.Key, kv => Loss.Get(kv.Value!.GetValue<string>())),
                    compile["loss_weights"]?.Deserialize<Dictionary<string, double>>(), metrics);
                break;
            case var single when compile["loss_weights"] is JsonArray w:
                model.Compile(optimizer, Loss.Get(single!.GetValue<string>()), w.Deserialize<double[]>()!, metrics);
                break;
            case var single:
                model.Compile(optimizer, Loss.Get(single!.GetValue<string>()), metrics);
                break;
        }
        optimizer.Iterations = opt["iterations"]?.GetValue<long>() ?? 0;
        var trainable = model.TrainableWeights;
        for (int i = 0; i < trainable.Count; i++)
        {
            if (zip.GetEntry(ModelArchive.SlotEntry(i, 0)) is null) continue;
            var slots = optimizer.EnsureSlots(trainable[i]);
            for (int j = 0; j < slots.Count; j++)
                ModelArchive.ReadInto(zip, ModelArchive.SlotEntry(i, j), path, slots.Slots[j].Shape, slots.Slots[j].Span, $"the optimizer slot '{slots.Slots[j].Name}'");
        }
    }
}
