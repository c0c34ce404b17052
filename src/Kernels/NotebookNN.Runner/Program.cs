using System.Text.Json.Nodes;
using NotebookNN.Runner;

Environment.Exit(RunnerCommand.Run(args));   // background threads of a notebook (pools) must not keep the process alive

namespace NotebookNN.Runner
{
    /// <summary>
    /// <c>NotebookNN.Runner &lt;notebook.ipynb|.dib&gt; [-o executed.ipynb] [--html page.html] [--source folder]...
    /// [-p name=value]... [--timeout seconds]</c>. Exit 0 when every cell ran, 2 when a cell failed, 1 on bad usage or a
    /// notebook that cannot be read. The executed notebook and the page are written atomically (<see cref="AtomicFile"/>).
    /// </summary>
    public static class RunnerCommand
    {
        public const string Usage = "usage: NotebookNN.Runner <notebook.ipynb|.dib> [-o executed.ipynb] [--html page.html] [--source <folder>]... [-p name=value]... [--timeout seconds]";

        public static int Run(string[] args)
        {
            string? input = null, output = null, html = null;
            double? timeout = null;
            var sources = new List<string>();
            var parameters = new List<KeyValuePair<string, string>>();
            try
            {
                for (int i = 0; i < args.Length; i++)
                {
                    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} expects a value.");
                    switch (args[i])
                    {
                        case "-o" or "--output": output = Next(); break;
                        case "--html": html = Next(); break;
                        case "--source": sources.Add(Path.GetFullPath(Next())); break;
                        case "--timeout": timeout = Seconds(Next()); break;
                        case "-p" or "--parameter":
                            var kv = Next(); int eq = kv.IndexOf('=');
                            if (eq <= 0) throw new ArgumentException($"-p expects name=value, received '{kv}'.");
                            parameters.Add(new(kv[..eq], kv[(eq + 1)..])); break;
                        case "-h" or "--help": Console.WriteLine(Usage); return 0;
                        default:
                            if (args[i].StartsWith('-') || input is not null) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
                            input = args[i]; break;
                    }
                }
                if (input is null) throw new ArgumentException("No notebook given.");
                if (!File.Exists(input)) throw new ArgumentException($"Notebook not found: {input}");
                if (output is not null && !output.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"-o expects a .ipynb path (the executed notebook keeps its outputs, which a .dib file cannot hold); received '{output}'.");
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return 1;
            }

            Notebook nb;
            try
            {
                nb = Notebook.Load(input);
                Parameters.Inject(nb, parameters);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine($"Could not run '{input}': {e.Message}");
                return 1;
            }
            var executor = new NotebookExecutor { CellTimeout = timeout is { } t ? TimeSpan.FromSeconds(t) : null };
            executor.Session.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(input))!;
            executor.Session.Packages.Sources.AddRange(sources);
            var started = DateTime.UtcNow;
            var result = executor.Run(nb);
            var stdout = Console.Out;
            if (output is not null) { AtomicFile.WriteAllText(output, IpynbFormat.Write(nb)); stdout.WriteLine($"wrote {output}"); }
            if (html is not null) { AtomicFile.WriteAllText(html, HtmlPage.Render(nb, Path.GetFileNameWithoutExtension(input))); stdout.WriteLine($"wrote {html}"); }
            int code = nb.Cells.Count(c => c.Kind == "code" && c.ExecutionCount is not null);
            if (result.Succeeded)
            {
                stdout.WriteLine($"{Path.GetFileName(input)}: {code} code cells ran in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
                return 0;
            }
            Console.Error.WriteLine($"{Path.GetFileName(input)}: cell {result.FailedCell} failed: {result.Error}");
            return 2;
        }

        private static double Seconds(string v) =>
            double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 && double.IsFinite(s)
                ? s : throw new ArgumentException($"--timeout expects a positive number of seconds; received '{v}'.");
    }
}
