using Microsoft.DotNet.Interactive.Documents;

namespace NotebookNN.Runner.Tests;

/// <summary>Papermill-style parameters: an injected cell after the one tagged <c>parameters</c>, typed from its declarations.</summary>
public class ParameterTests
{
    private static InteractiveDocument WithParameters()
    {
        var nb = Support.Cells("var quick = false;\nint epochs = 30;\ndouble rate = 0.5;\nvar name = \"full\";", "$\"{quick} {epochs} {rate} {name} {epochs.GetType().Name} {rate.GetType().Name}\"");
        nb.Elements[0].Metadata = new Dictionary<string, object> { ["tags"] = new object[] { "parameters" } };
        return nb;
    }

    [Fact]
    public async Task Values_are_injected_after_the_parameters_cell_with_the_declared_types()
    {
        var nb = WithParameters();
        Parameters.Inject(nb, [new("quick", "true"), new("epochs", "2"), new("rate", "0.25"), new("name", "quick run")]);
        Assert.Equal(3, nb.Elements.Count);
        Assert.True(Parameters.HasTag(nb.Elements[1], "injected-parameters"));
        Assert.Contains("bool quick = true;", nb.Elements[1].Contents);
        Assert.Contains("int epochs = 2;", nb.Elements[1].Contents);
        Assert.True((await Support.RunAsync(nb)).Succeeded);
        Assert.Equal("True 2 0.25 quick run Int32 Double", Support.Plain(nb.Elements[2].Outputs[0]));
    }

    [Fact]
    public void A_value_that_does_not_fit_the_declared_type_is_rejected_naming_both()
    {
        var e = Assert.Throws<ArgumentException>(() => Parameters.Inject(WithParameters(), [new("epochs", "many")]));
        Assert.Contains("epochs", e.Message);
        Assert.Contains("int", e.Message);
        Assert.Contains("many", e.Message);
    }

    [Fact]
    public async Task Without_a_parameters_cell_the_values_go_first_typed_from_the_value()
    {
        var nb = Support.Cells("flag ? count * 2 : -1");
        Parameters.Inject(nb, [new("flag", "True"), new("count", "21")]);
        Assert.True((await Support.RunAsync(nb)).Succeeded);
        Assert.Contains("<pre>42</pre>", Support.Html(nb.Elements[1].Outputs[0]));
    }

    [Fact]
    public void A_notebook_run_before_keeps_one_injected_cell_with_the_new_values()
    {
        var nb = WithParameters();
        Parameters.Inject(nb, [new("epochs", "2")]);
        Parameters.Inject(nb, [new("epochs", "3")]);
        Assert.Equal(3, nb.Elements.Count);
        Assert.Equal("// Parameters\nint epochs = 3;", nb.Elements[1].Contents);
    }
}
