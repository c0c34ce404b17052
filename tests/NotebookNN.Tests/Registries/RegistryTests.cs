using NotebookNN.Initializers;
using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Metrics;
using NotebookNN.Optimizers;
using NotebookNN.Regularizers;
using NotebookNN.Registries;
using NotebookNN.Saving;

namespace NotebookNN.Tests.Registries;

/// <summary>
/// Every registry of Keras strings against a table written here from Keras's documentation (each name and the class it
/// makes), so a name added, dropped or wired to the wrong class fails; the case rules; and the one form of an unknown
/// name's error (what was received, every valid name, the likely fix).
/// </summary>
public class RegistryTests
{
    private static readonly (string Name, Type Type)[] OptimizerTable =
        [("sgd", typeof(SGD)), ("adam", typeof(Adam)), ("rmsprop", typeof(RMSprop)), ("adagrad", typeof(Adagrad)), ("adamw", typeof(AdamW)), ("nadam", typeof(Nadam))];

    private static readonly (string Name, Type Type)[] LossTable =
    [
        ("mse", typeof(NotebookNN.Losses.MeanSquaredError)), ("mean_squared_error", typeof(NotebookNN.Losses.MeanSquaredError)),
        ("mae", typeof(NotebookNN.Losses.MeanAbsoluteError)), ("mean_absolute_error", typeof(NotebookNN.Losses.MeanAbsoluteError)),
        ("mape", typeof(MeanAbsolutePercentageError)), ("mean_absolute_percentage_error", typeof(MeanAbsolutePercentageError)),
        ("msle", typeof(MeanSquaredLogarithmicError)), ("mean_squared_logarithmic_error", typeof(MeanSquaredLogarithmicError)),
        ("binary_crossentropy", typeof(BinaryCrossentropy)), ("categorical_crossentropy", typeof(CategoricalCrossentropy)),
        ("sparse_categorical_crossentropy", typeof(SparseCategoricalCrossentropy)),
        ("huber", typeof(Huber)), ("huber_loss", typeof(Huber)), ("hinge", typeof(Hinge)),
    ];

    private static readonly (string Name, Type Type)[] MetricTable =
    [
        ("accuracy", typeof(AutoAccuracy)), ("acc", typeof(AutoAccuracy)), ("binary_accuracy", typeof(BinaryAccuracy)),
        ("categorical_accuracy", typeof(CategoricalAccuracy)), ("sparse_categorical_accuracy", typeof(SparseCategoricalAccuracy)),
        ("mae", typeof(NotebookNN.Metrics.MeanAbsoluteError)), ("mean_absolute_error", typeof(NotebookNN.Metrics.MeanAbsoluteError)),
        ("mse", typeof(NotebookNN.Metrics.MeanSquaredError)), ("mean_squared_error", typeof(NotebookNN.Metrics.MeanSquaredError)),
        ("precision", typeof(Precision)), ("recall", typeof(Recall)), ("auc", typeof(AUC)),
    ];

    private static readonly (string Name, Type Type)[] InitializerTable =
    [
        ("glorot_uniform", typeof(GlorotUniform)), ("glorot_normal", typeof(GlorotNormal)), ("he_uniform", typeof(HeUniform)),
        ("he_normal", typeof(HeNormal)), ("lecun_uniform", typeof(LecunUniform)), ("lecun_normal", typeof(LecunNormal)),
        ("zeros", typeof(Zeros)), ("ones", typeof(Ones)), ("random_normal", typeof(RandomNormal)), ("random_uniform", typeof(RandomUniform)),
        ("truncated_normal", typeof(TruncatedNormal)), ("constant", typeof(Constant)),
    ];

    private static readonly (string Name, Type Type)[] RegularizerTable = [("l1", typeof(L1)), ("l2", typeof(L2)), ("l1_l2", typeof(L1L2))];

    private static readonly string[] ActivationNames =
        ["linear", "relu", "sigmoid", "tanh", "softmax", "log_softmax", "softplus", "softsign", "elu", "selu", "leaky_relu", "gelu", "swish", "silu", "exponential", "hard_sigmoid"];

    private static void ResolvesExactly<T>(Registry<T> registry, (string Name, Type Type)[] table, Func<string, T> get)
    {
        Assert.Equal(table.Select(t => t.Name), registry.Names);
        foreach (var (name, type) in table)
        {
            Assert.IsType(type, get(name));
            Assert.IsType(type, get(name.ToUpperInvariant()));
            Assert.IsType(type, get($" {name} "));
        }
    }

    [Fact]
    public void OptimizersResolveEveryKerasNameAndNoOther() => ResolvesExactly(Optimizer.Names, OptimizerTable, Optimizer.Get);

    [Fact]
    public void LossesResolveEveryKerasNameAndTheirClassNames()
    {
        ResolvesExactly(LossRegistry.Names, LossTable, Loss.Get);
        foreach (var type in LossTable.Select(t => t.Type).Distinct())
            Assert.IsType(type, Loss.Get(type.Name));
        Assert.DoesNotContain("MeanSquaredError", LossRegistry.Names.Names);
    }

    [Fact]
    public void MetricsResolveEveryKerasNameKeepingTheSpellingGiven()
    {
        ResolvesExactly(MetricRegistry.Names, MetricTable, n => MetricRegistry.Resolve(n));
        Assert.Equal("acc", MetricRegistry.Resolve("acc").Name);
        Assert.Equal("mean_absolute_error", MetricRegistry.Resolve("mean_absolute_error").Name);
        var given = new Precision(name: "p");
        Assert.Same(given, MetricRegistry.Resolve(given));
    }

    [Fact]
    public void InitializersAndRegularizersResolveEveryKerasName()
    {
        ResolvesExactly(Initializer.Names, InitializerTable, Initializer.Get);
        ResolvesExactly(Regularizer.Names, RegularizerTable, Regularizer.Get);
        Assert.Equal(0.01, ((L1L2)Regularizer.Get("l1_l2")).L1Factor);
    }

    [Fact]
    public void ActivationsResolveEveryKerasNameToTheSharedFunction()
    {
        Assert.Equal(ActivationNames, Activations.Names.Names);
        foreach (var name in ActivationNames)
        {
            Assert.Equal(name, Activations.Get(name).Name);
            Assert.Same(Activations.Get(name), Activations.Get(name.ToUpperInvariant()));
        }
        Assert.Same(Activations.Linear, Activations.Get(null));
        Assert.Same(Activations.Linear, Activations.Get(""));
    }

    [Fact]
    public void LayerClassNamesMatchExactly()
    {
        var layerTypes = typeof(Layer).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && typeof(Layer).IsAssignableFrom(t) && !typeof(Model).IsAssignableFrom(t)).ToArray();
        Assert.Contains(typeof(Dense), layerTypes);
        foreach (var t in layerTypes) Assert.Same(t, LayerRegistry.Resolve(t.Name, null));
        var e = Assert.Throws<ArgumentException>(() => LayerRegistry.Resolve("dense", null));
        Assert.StartsWith("Unknown layer: 'dense'. Expected one of: ", e.Message);
        Assert.Contains("Did you mean 'Dense'?", e.Message);
        Assert.EndsWith("Please ensure the class is registered with Keras.Models.RegisterCustomLayer<dense>() or passed in `customObjects` when loading.", e.Message);
    }

    [Fact]
    public void AnUnknownNameIsReceivedThenEveryValidNameThenTheClosestOne()
    {
        Assert.Equal("Could not interpret optimizer identifier: 'adamx'. Expected one of: sgd, adam, rmsprop, adagrad, adamw, nadam. Did you mean 'adam'?",
            Assert.Throws<ArgumentException>(() => Optimizer.Get("adamx")).Message);
        Assert.Equal("Could not interpret regularizer identifier: 'elastic'. Expected one of: l1, l2, l1_l2.",
            Assert.Throws<ArgumentException>(() => Regularizer.Get("elastic")).Message);
        Assert.Equal($"Could not interpret activation function identifier: 'relux'. Expected one of: {string.Join(", ", ActivationNames)}. Did you mean 'relu'?",
            Assert.Throws<ArgumentException>(() => Activations.Get("relux")).Message);
        Assert.Equal($"Could not interpret loss identifier: 'crossentropy'. Expected one of: {string.Join(", ", LossTable.Select(t => t.Name))}.",
            Assert.Throws<ArgumentException>(() => Loss.Get("crossentropy")).Message);
        Assert.Equal($"Could not interpret metric identifier: 'acuracy'. Expected one of: {string.Join(", ", MetricTable.Select(t => t.Name))}. Did you mean 'accuracy'?",
            Assert.Throws<ArgumentException>(() => MetricRegistry.Resolve("acuracy")).Message);
        Assert.Equal($"Could not interpret initializer identifier: 'he'. Expected one of: {string.Join(", ", InitializerTable.Select(t => t.Name))}.",
            Assert.Throws<ArgumentException>(() => Initializer.Get("he")).Message);
        Assert.Throws<ArgumentNullException>(() => Optimizer.Get(null!));
    }

    [Fact]
    public void TheClosestNameIsWithinAThirdOfTheName()
    {
        Assert.Equal(1, ClosestName.Distance("relux", "relu"));
        Assert.Equal(3, ClosestName.Distance("kitten", "sitting"));
        Assert.Equal(0, ClosestName.Distance("ReLU", "relu"));
        Assert.Equal("sgd", ClosestName.Among("sgd2", ["adam", "sgd"]));
        Assert.Null(ClosestName.Among("sdg", ["sgd", "adam"]));                  // a swap is 2 edits, more than a third of 3 letters
        Assert.Null(ClosestName.Among("glorot", ["glorot_uniform", "glorot_normal"]));
        Assert.Equal("glorot_uniform", ClosestName.Among("glorot_unifrom", ["glorot_uniform", "glorot_normal"]));
    }

    [Fact]
    public void ALaterRegistrationReplacesTheEarlierAndIsListedOnce()
    {
        var registry = Registry<int>.Identifiers("number").Add(1, "one").Add(2, "two").AddUnlisted(_ => 1, "One!");
        registry.Add(11, "one");
        Assert.Equal(["one", "two"], registry.Names);
        Assert.Equal(11, registry.Resolve("ONE"));
        Assert.Equal(1, registry.Resolve("one!"));
        Assert.True(registry.Contains("two") && !registry.Contains("three"));
    }
}
