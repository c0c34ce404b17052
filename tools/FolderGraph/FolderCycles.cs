namespace FolderGraph;

/// <summary>The strongly connected components of the folder graph with more than one folder: its cycles.</summary>
internal static class FolderCycles
{
    /// <summary>Each component's folders, sorted; components ordered by their first folder.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyList<FolderEdge> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        // Tarjan's algorithm: a component's root is the node whose lowest reachable index is its own.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(to)) { Visit(to); low[node] = Math.Min(low[node], low[to]); }
                else if (stack.Contains(to)) low[node] = Math.Min(low[node], index[to]);
            }
            if (low[node] != index[node]) return;
            var component = new List<string>();
            string member;
            do { member = stack.Pop(); component.Add(member); } while (member != node);
            if (component.Count > 1) components.Add(component.Order(StringComparer.Ordinal).ToList());
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n))) Visit(node);
        return components.OrderBy(c => c[0], StringComparer.Ordinal).ToList();
    }
}
