using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookNN.Layers;
using NotebookNN.Saving;

namespace NotebookNN.Models;

/// <summary>
/// A model's architecture as Keras-style JSON and back: <c>{"class_name": "Sequential", "config": {"name", "input_shape",
/// "layers"}}</c>, or <c>"Functional"</c> with each layer's <c>inbound_nodes</c> (<c>[[layer, node, tensor], …]</c> per
/// call) and the <c>input_layers</c> / <c>output_layers</c>. Nested models are nested configs.
/// </summary>
internal static class ModelConfig
{
    public static JsonObject ToJson(Layer layer)
    {
        if (layer is Sequential s) return SequentialToJson(s);
        if (layer is Model { Graph: { } g } m) return FunctionalToJson(m, g);
        if (layer is Model sub)
            throw new NotSupportedException($"Model \"{sub.Name}\" is a subclassed model ({sub.GetType().Name}): its architecture is code, so it cannot be saved as a config. Use SaveWeights / LoadWeights on a new instance.");
        if (layer is Lambda)
            throw new NotSupportedException($"Layer \"{layer.Name}\" is a Lambda layer: its function cannot be saved. Write a custom layer (with GetConfig) instead.");
        return new JsonObject { ["class_name"] = layer.GetType().Name, ["config"] = JsonSerializer.SerializeToNode(layer.GetConfig()) };
    }

    public static Layer FromJson(JsonObject json, IEnumerable<Type>? customObjects)
    {
        var className = json["class_name"]?.GetValue<string>() ?? throw new InvalidDataException("A layer config has no class_name.");
        var config = json["config"] as JsonObject ?? throw new InvalidDataException($"The config of a {className} is missing.");
        switch (className)
        {
            case "Sequential": return SequentialFromJson(config, customObjects);
            case "Functional": return FunctionalFromJson(config, customObjects);
        }
        var type = LayerRegistry.Resolve(className, customObjects);
        var layer = (Layer)ObjectConfig.Construct(type, config, $"layer '{config["name"]}'");
        if (config["trainable"] is { } t) layer.Trainable = t.GetValue<bool>();
        return layer;
    }

    private static JsonObject SequentialToJson(Sequential s) => new()
    {
        ["class_name"] = "Sequential",
        ["config"] = new JsonObject
        {
            ["name"] = s.Name,
            ["trainable"] = s.Trainable,
            ["input_shape"] = s.InputShape is { } shape ? JsonSerializer.SerializeToNode(shape.ToArray()) : null,
            ["layers"] = new JsonArray(s.Layers.Select(l => (JsonNode)ToJson(l)).ToArray()),
        },
    };

    private static Sequential SequentialFromJson(JsonObject config, IEnumerable<Type>? customObjects)
    {
        var model = new Sequential(name: config["name"]?.GetValue<string>());
        if (config["input_shape"] is JsonArray shape) model.Add(new Input(shape.Deserialize<int[]>()!));
        foreach (var l in config["layers"]!.AsArray()) model.Add(FromJson(l!.AsObject(), customObjects));
        if (config["trainable"] is { } t) model.Trainable = t.GetValue<bool>();
        return model;
    }

    private static JsonObject FunctionalToJson(Model m, FunctionalGraph g)
    {
        var inGraph = g.Nodes.ToHashSet(ReferenceEqualityComparer.Instance);
        // Node indices relative to this model: a layer used in other models too numbers only its calls here.
        var relative = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        foreach (var l in g.Layers)
        {
            int k = 0;
            foreach (var n in l.InboundNodes) if (inGraph.Contains(n)) relative[n] = k++;
        }
        JsonArray Ref(KerasTensor t) => [t.Producer.Name, relative[t.Node!], t.Index];
        var layers = new JsonArray();
        foreach (var l in g.Layers)
        {
            JsonObject entry = l is InputLayer input
                ? new JsonObject { ["class_name"] = "InputLayer", ["config"] = new JsonObject { ["name"] = l.Name, ["shape"] = JsonSerializer.SerializeToNode(input.Shape.ToArray()) } }
                : ToJson(l);
            entry["name"] = l.Name;
            entry["inbound_nodes"] = new JsonArray(l.InboundNodes.Where(inGraph.Contains).Where(n => n.InboundTensors.Count > 0)
                .Select(n => (JsonNode)new JsonArray(n.InboundTensors.Select(t => (JsonNode)Ref(t)).ToArray())).ToArray());
            layers.Add(entry);
        }
        return new JsonObject
        {
            ["class_name"] = "Functional",
            ["config"] = new JsonObject
            {
                ["name"] = m.Name,
                ["trainable"] = m.Trainable,
                ["layers"] = layers,
                ["input_layers"] = new JsonArray(g.Inputs.Select(t => (JsonNode)Ref(t)).ToArray()),
                ["output_layers"] = new JsonArray(g.Outputs.Select(t => (JsonNode)Ref(t)).ToArray()),
            },
        };
    }

    private static Model FunctionalFromJson(JsonObject config, IEnumerable<Type>? customObjects)
    {
        var tensors = new Dictionary<(string, int, int), KerasTensor>();
        var pending = new List<(Layer Layer, int Index, JsonArray Refs)>();
        foreach (var node in config["layers"]!.AsArray())
        {
            var entry = node!.AsObject();
            if (entry["class_name"]?.GetValue<string>() == "InputLayer")
            {
                var c = entry["config"]!;
                var input = new Input(c["shape"].Deserialize<int[]>()!, c["name"]!.GetValue<string>());
                tensors[(input.Layer.Name, 0, 0)] = input;
                continue;
            }
            var layer = FromJson(entry, customObjects);
            var calls = entry["inbound_nodes"]!.AsArray();
            for (int k = 0; k < calls.Count; k++) pending.Add((layer, k, calls[k]!.AsArray()));
        }
        (string, int, int) Key(JsonNode r) => (r[0]!.GetValue<string>(), r[1]!.GetValue<int>(), r[2]!.GetValue<int>());
        while (pending.Count > 0)
        {
            // A call can be made once its inputs exist and the layer's earlier calls are made (node indices follow call order).
            var ready = pending.FirstOrDefault(p => p.Layer.InboundNodes.Count == p.Index && p.Refs.All(r => tensors.ContainsKey(Key(r!))));
            if (ready.Layer is null)
                throw new InvalidDataException($"The functional config of \"{config["name"]}\" is inconsistent: the call of layer \"{pending[0].Layer.Name}\" refers to tensors that no layer produces.");
            pending.Remove(ready);
            var outputs = ready.Layer.CallSymbolic(ready.Refs.Select(r => tensors[Key(r!)]).ToArray());
            for (int i = 0; i < outputs.Length; i++) tensors[(ready.Layer.Name, ready.Index, i)] = outputs[i];
        }
        KerasTensor[] Lookup(string key) => config[key]!.AsArray().Select(r => tensors.TryGetValue(Key(r!), out var t) ? t
            : throw new InvalidDataException($"The functional config of \"{config["name"]}\" lists {key} entry {r!.ToJsonString()}, which no layer produces.")).ToArray();
        var model = new Model(Lookup("input_layers"), Lookup("output_layers"), config["name"]?.GetValue<string>());
        if (config["trainable"] is { } t) model.Trainable = t.GetValue<bool>();
        return model;
    }
}
