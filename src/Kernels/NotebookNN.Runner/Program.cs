using Microsoft.DotNet.Interactive.Documents;
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
                        case "--source": sources.Add(Folder(Next())); break;
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

            InteractiveDocument nb;
            try
            {
                nb = NotebookFile.Load(input);
                Parameters.Inject(nb, parameters);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine($"Could not run '{input}': {e.Message}");
                return 1;
            }
            var stdout = Console.Out;   // the kernel redirects Console while cells run
            var started = DateTime.UtcNow;
            var result = Task.Run(() => RunInKernelAsync(nb, input, sources, timeout)).GetAwaiter().GetResult();
            if (result is null) return 1;
            if (output is not null) { AtomicFile.WriteAllText(output, NotebookFile.ToIpynb(nb)); stdout.WriteLine($"wrote {output}"); }
            if (html is not null) { AtomicFile.WriteAllText(html, HtmlPage.Render(nb, Path.GetFileNameWithoutExtension(input))); stdout.WriteLine($"wrote {html}"); }
            int code = nb.Elements.Count(c => c.KernelName != "markdown" && c.ExecutionOrder > 0);
            if (result.Succeeded)
            {
                stdout.WriteLine(FormattableString.Invariant($"{Path.GetFileName(input)}: {code} code cells ran in {(DateTime.UtcNow - started).TotalSeconds:0.0} s"));
                return 0;
            }
            Console.Error.WriteLine($"{Path.GetFileName(input)}: cell {result.FailedCell} failed: {result.Error}");
            return 2;
        }

        /// <summary>
        /// Runs the notebook in a new kernel whose working directory is the notebook's folder (as Polyglot Notebooks
        /// starts it); null when the kernel refused a package source.
        /// </summary>
        private static async Task<RunResult?> RunInKernelAsync(InteractiveDocument nb, string input, List<string> sources, double? timeout)
        {
            string saved = Environment.CurrentDirectory;
            Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(input))!;
            try
            {
                using var kernel = await KernelHost.CreateAsync(sources);
                var executor = new NotebookExecutor(kernel) { CellTimeout = timeout is { } t ? TimeSpan.FromSeconds(t) : null };
                return await executor.RunAsync(nb);
            }
            catch (KernelStartException e)
            {
                Console.Error.WriteLine($"Could not run '{input}': {e.Message}");
                return null;
            }
            finally
            {
                Environment.CurrentDirectory = saved;
            }
        }

        private static string Folder(string v) => Directory.Exists(v)
            ? Path.GetFullPath(v)
            : throw new ArgumentException($"--source expects a folder of .nupkg files; '{v}' is no folder.");

        private static double Seconds(string v) =>
            double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 && double.IsFinite(s)
                ? s : throw new ArgumentException($"--timeout expects a positive number of seconds; received '{v}'.");
    }
}
