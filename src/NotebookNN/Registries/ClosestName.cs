namespace NotebookNN.Registries;

/// <summary>The registered name nearest a mistyped one, for an error's "Did you mean …?".</summary>
internal static class ClosestName
{
    /// <summary>
    /// The first of <paramref name="names"/> at the smallest edit distance (insertions, deletions, substitutions, case
    /// ignored) from <paramref name="name"/>, when that distance is at most a third of the name's length (at least 1);
    /// otherwise null.
    /// </summary>
    public static string? Among(string name, IReadOnlyList<string> names)
    {
        int limit = Math.Max(1, name.Length / 3), best = limit + 1;
        string? closest = null;
        foreach (var candidate in names)
        {
            int d = Distance(name, candidate);
            if (d < best) (best, closest) = (d, candidate);
        }
        return closest;
    }

    /// <summary>Levenshtein distance over the lower-case letters, one row at a time.</summary>
    internal static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                row[j] = Math.Min(Math.Min(row[j - 1] + 1, above + 1), diagonal + cost);
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
