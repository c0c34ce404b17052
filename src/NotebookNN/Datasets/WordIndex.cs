using System.Text.Json;

namespace NotebookNN.Datasets;

/// <summary>Word indexes of the text datasets (word → rank, 1 = most frequent) and decoding sequences back to text.</summary>
public static class WordIndex
{
    /// <summary>Reads a Keras word-index JSON file (<c>{"the": 1, ...}</c>).</summary>
    public static Dictionary<string, int> ReadFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<Dictionary<string, int>>(stream)
                ?? throw new InvalidDataException("the file holds null instead of an object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Could not read '{path}' as a word index JSON object of word → int (truncated or corrupted?): {e.Message}", e);
        }
    }

    /// <summary>
    /// Turns a sequence back into words, as the tutorials do with
    /// <c>" ".join(reverse_word_index.get(i - 3, "?") for i in seq)</c>: ids below <paramref name="indexFrom"/>
    /// (padding, start, out-of-vocabulary) and unknown ids become <paramref name="unknown"/>.
    /// </summary>
    public static string Decode(IEnumerable<int> sequence, IReadOnlyDictionary<string, int> wordIndex, int indexFrom = 3, string unknown = "?")
    {
        var reverse = new Dictionary<int, string>();
        foreach (var (word, id) in wordIndex) reverse.TryAdd(id, word);
        return string.Join(" ", sequence.Select(i => reverse.TryGetValue(i - indexFrom, out var w) ? w : unknown));
    }
}
