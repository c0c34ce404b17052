namespace NotebookNN.Formatting;

/// <summary>A box placed by <see cref="GraphLayout"/>: its top-left corner and size.</summary>
internal readonly record struct PlacedBox(double X, double Y, double Width, double Height)
{
    public double CenterX => X + Width / 2;
    public double CenterY => Y + Height / 2;
}

/// <summary>
/// A layered drawing of a directed acyclic graph, as dot draws a model: each box on the rank after its deepest
/// predecessor (rank = longest path from a source), edges that skip ranks routed through invisible points on the ranks
/// between (so they pass beside boxes, not through them), the order in each rank by the barycentre of the neighbours
/// (a few sweeps down and up), and each box moved towards its neighbours' centre without overlapping the next.
/// Ranks run top to bottom (<c>TB</c>) or left to right (<c>LR</c>); edges start and end spread along the boxes' sides.
/// </summary>
internal sealed class GraphLayout
{
    private const double RankGap = 46, BoxGap = 28, Margin = 12;

    private readonly bool _leftToRight;
    private readonly List<double> _main = [], _cross = [];   // sizes along the rank axis and across it; dummies after the boxes
    private readonly List<List<int>> _succ = [], _pred = [];
    private readonly List<int> _rankOf = [];   // the rank of each node, boxes and invisible points
    private List<int>[] _rows = [];
    private double[] _crossPos = [];   // centre of each node across the rank axis

    /// <summary>The boxes, in the order given.</summary>
    public IReadOnlyList<PlacedBox> Boxes { get; }

    /// <summary>Each edge's points, from the source's side to the target's side.</summary>
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> Edges { get; }

    public double Width { get; }
    public double Height { get; }

    /// <param name="sizes">Each box's width and height.</param>
    /// <param name="edges">Edges between boxes, by index; the graph must be acyclic.</param>
    /// <param name="leftToRight">Ranks from left to right (Keras's <c>rankdir="LR"</c>) instead of top to bottom.</param>
    public GraphLayout(IReadOnlyList<(double Width, double Height)> sizes, IReadOnlyList<(int From, int To)> edges, bool leftToRight)
    {
        _leftToRight = leftToRight;
        int n = sizes.Count;
        foreach (var (w, h) in sizes) AddNode(leftToRight ? w : h, leftToRight ? h : w);
        _rankOf.AddRange(Ranks(n, edges));
        var chains = edges.Select(e => Chain(e.From, e.To)).ToList();
        Order();
        Place();
        var rankStart = RankStarts();
        Boxes = Enumerable.Range(0, n).Select(i => Box(i, rankStart)).ToList();
        Edges = chains.Select(c => Route(c, rankStart)).ToList();
        double mainExtent = rankStart[^1] - RankGap + Margin, crossExtent = Enumerable.Range(0, _main.Count)
            .Select(i => _crossPos[i] + _cross[i] / 2).DefaultIfEmpty(0).Max() + Margin;
        (Width, Height) = leftToRight ? (mainExtent, crossExtent) : (crossExtent, mainExtent);
    }

    private int AddNode(double main, double cross)
    {
        _main.Add(main);
        _cross.Add(cross);
        _succ.Add([]);
        _pred.Add([]);
        return _main.Count - 1;
    }

    /// <summary>Longest path from a source, in an order where each box comes after its predecessors (Kahn's).</summary>
    private static int[] Ranks(int n, IReadOnlyList<(int From, int To)> edges)
    {
        var rank = new int[n];
        var indegree = new int[n];
        foreach (var (_, to) in edges) indegree[to]++;
        var ready = new Queue<int>(Enumerable.Range(0, n).Where(i => indegree[i] == 0));
        int seen = 0;
        while (ready.Count > 0)
        {
            int v = ready.Dequeue();
            seen++;
            foreach (var (from, to) in edges)
            {
                if (from != v) continue;
                rank[to] = Math.Max(rank[to], rank[v] + 1);
                if (--indegree[to] == 0) ready.Enqueue(to);
            }
        }
        if (seen != n) throw new ArgumentException("The graph has a cycle; only acyclic graphs can be laid out in ranks.");
        return rank;
    }

    /// <summary>The nodes an edge passes: its source, one invisible point per rank it skips, its target.</summary>
    private List<int> Chain(int from, int to)
    {
        var chain = new List<int> { from };
        for (int r = _rankOf[from] + 1; r < _rankOf[to]; r++)
        {
            int d = AddNode(0, 0);
            _rankOf.Add(r);
            chain.Add(d);
        }
        chain.Add(to);
        for (int i = 0; i + 1 < chain.Count; i++) { _succ[chain[i]].Add(chain[i + 1]); _pred[chain[i + 1]].Add(chain[i]); }
        return chain;
    }

    /// <summary>Rows in creation order, then barycentre sweeps (down by predecessors, up by successors).</summary>
    private void Order()
    {
        int ranks = _rankOf.DefaultIfEmpty(-1).Max() + 1;
        _rows = Enumerable.Range(0, ranks).Select(_ => new List<int>()).ToArray();
        for (int v = 0; v < _rankOf.Count; v++) _rows[_rankOf[v]].Add(v);
        var pos = new double[_rankOf.Count];
        void Index() { foreach (var row in _rows) for (int i = 0; i < row.Count; i++) pos[row[i]] = i; }
        Index();
        for (int sweep = 0; sweep < 4; sweep++)
        {
            bool down = sweep % 2 == 0;
            for (int k = 1; k < ranks; k++)
            {
                var row = _rows[down ? k : ranks - 1 - k];
                var key = row.ToDictionary(v => v, v => Barycentre(down ? _pred[v] : _succ[v], pos) ?? pos[v]);
                var sorted = row.OrderBy(v => key[v]).ThenBy(v => pos[v]).ToList();
                row.Clear();
                row.AddRange(sorted);
                for (int i = 0; i < row.Count; i++) pos[row[i]] = i;
            }
        }
    }

    private static double? Barycentre(List<int> neighbours, double[] pos) =>
        neighbours.Count == 0 ? null : neighbours.Average(u => pos[u]);

    /// <summary>Across the rank axis: rows packed from the left, then each node pulled to its neighbours' centre.</summary>
    private void Place()
    {
        _crossPos = new double[_main.Count];
        foreach (var row in _rows) Pack(row, row.Select(_ => double.NegativeInfinity).ToArray());
        for (int pass = 0; pass < 6; pass++)
        {
            bool down = pass % 2 == 0;
            for (int k = 0; k < _rows.Length; k++)
            {
                var row = _rows[down ? k : _rows.Length - 1 - k];
                var wanted = row.Select(v => Barycentre(down ? _pred[v] : _succ[v], _crossPos) ?? _crossPos[v]).ToArray();
                Pack(row, wanted);
            }
        }
        double min = Enumerable.Range(0, _main.Count).Select(i => _crossPos[i] - _cross[i] / 2).DefaultIfEmpty(0).Min();
        for (int i = 0; i < _crossPos.Length; i++) _crossPos[i] += Margin - min;
    }

    /// <summary>Places a row at the wanted centres, left to right without overlap, then shifts it so that on
    /// average the nodes sit where they were wanted.</summary>
    private void Pack(List<int> row, double[] wanted)
    {
        double right = 0, shift = 0;
        int counted = 0;
        for (int i = 0; i < row.Count; i++)
        {
            int v = row[i];
            double half = _cross[v] / 2;
            double c = double.IsNegativeInfinity(wanted[i]) ? 0 : wanted[i];
            if (i > 0) c = Math.Max(c, right + BoxGap + half);
            _crossPos[v] = c;
            right = c + half;
            if (!double.IsNegativeInfinity(wanted[i])) { shift += wanted[i] - c; counted++; }
        }
        if (counted > 0) foreach (int v in row) _crossPos[v] += shift / counted;
    }

    /// <summary>Where each rank starts along the rank axis (one entry more: the end of the last rank plus the gap).</summary>
    private double[] RankStarts()
    {
        var starts = new double[_rows.Length + 1];
        starts[0] = Margin;
        for (int k = 0; k < _rows.Length; k++)
            starts[k + 1] = starts[k] + _rows[k].Select(v => _main[v]).DefaultIfEmpty(0).Max() + RankGap;
        return starts;
    }

    private double Thickness(int rank, double[] starts) => starts[rank + 1] - starts[rank] - RankGap;

    /// <summary>A box centred in its rank's band.</summary>
    private PlacedBox Box(int v, double[] starts)
    {
        int r = _rankOf[v];
        double mainStart = starts[r] + (Thickness(r, starts) - _main[v]) / 2, crossStart = _crossPos[v] - _cross[v] / 2;
        return _leftToRight ? new PlacedBox(mainStart, crossStart, _main[v], _cross[v]) : new PlacedBox(crossStart, mainStart, _cross[v], _main[v]);
    }

    /// <summary>An edge's points: out of the source's far side, through its invisible points (mid-band), into the
    /// target's near side; where a box has several edges on a side they are spread along it in the order of the far ends.</summary>
    private List<(double X, double Y)> Route(List<int> chain, double[] starts)
    {
        int from = chain[0], to = chain[^1];
        var points = new List<(double, double)>();
        double Port(int box, int other, bool outgoing)
        {
            var ends = outgoing ? _succ[box] : _pred[box];
            var sorted = ends.OrderBy(u => _crossPos[u]).ToList();
            int i = sorted.IndexOf(other);
            return _crossPos[box] - _cross[box] / 2 + _cross[box] * (i + 1) / (sorted.Count + 1);
        }
        var (first, last) = (chain[1], chain[^2]);
        int rf = _rankOf[from], rt = _rankOf[to];
        double fromMain = starts[rf] + (Thickness(rf, starts) + _main[from]) / 2;
        double toMain = starts[rt] + (Thickness(rt, starts) - _main[to]) / 2;
        points.Add(Point(fromMain, Port(from, first, outgoing: true)));
        for (int i = 1; i < chain.Count - 1; i++)
        {
            int d = chain[i], r = _rankOf[d];
            points.Add(Point(starts[r] + Thickness(r, starts) / 2, _crossPos[d]));
        }
        points.Add(Point(toMain, Port(to, last, outgoing: false)));
        return points;
    }

    private (double X, double Y) Point(double main, double cross) => _leftToRight ? (main, cross) : (cross, main);
}
