using System.Diagnostics;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Support;

/// <summary>
/// This test assembly's entry point, for tests that need a second process doing real library work they can kill
/// (<c>dotnet exec NotebookNN.Tests.dll &lt;mode&gt; …</c>); the test host never calls it. <see cref="Start"/> runs it.
/// </summary>
public static class ChildProcess
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case ["save-until-killed", var target]:
                var model = BigModel();
                Console.WriteLine("ready");
                while (true) model.Save(target);
            case ["save-once", var target]:
                BigModel().Save(target);
                return 0;
            case ["load-boston"]: // through KERAS_HOME, proxies and the library's own settings from the environment
                var ((x, _), _) = NotebookNN.Datasets.BostonHousing.LoadData();
                Console.WriteLine(x.Shape);
                return 0;
            default:
                Console.Error.WriteLine("usage: NotebookNN.Tests.dll save-until-killed <path> | save-once <path> | load-boston");
                return 2;
        }
    }

    /// <summary>A model of about 8.4 million weights (34 MB saved), so a save takes long enough to be killed in the middle.</summary>
    internal static Sequential BigModel()
    {
        Utils.SetRandomSeed(1);
        var model = new Sequential().Add(new Input(shape: [2048])).Add(new Dense(2048)).Add(new Dense(2048));
        model.Compile(optimizer: "sgd", loss: "mse");
        return model;
    }

    /// <summary>Starts this assembly as a child process in <paramref name="args"/>'s mode, its output redirected.</summary>
    public static Process Start(params string[] args)
    {
        var dll = typeof(ChildProcess).Assembly.Location;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["exec", "--runtimeconfig", Path.ChangeExtension(dll, ".runtimeconfig.json"),
                     "--depsfile", Path.ChangeExtension(dll, ".deps.json"), dll, .. args])
            info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the child process");
    }
}
