namespace SessionResume.Merge;

/// <summary>
/// Person-written lists: items are appended in the order given, each at most once. Items are
/// trimmed at the edges only and compared ordinally, so whatever is inside them (semicolons, quotes,
/// line breaks, emoji, any script) is kept exactly, and "Fix A" and "fix a" stay two items: a
/// person chose that case.
/// </summary>
static class TextList
{
    /// <summary>The value trimmed, or null when nothing is left (an empty item is no item).</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Appends the items the list does not hold yet; returns how many were added.</summary>
    public static int Append(List<string> list, IEnumerable<string?> items, StringComparer? comparer = null)
    {
        var present = list.Select(x => x.Trim()).ToHashSet(comparer ?? StringComparer.Ordinal);
        var added = 0;
        foreach (var item in items)
        {
            var clean = Clean(item);
            if (clean is null || !present.Add(clean)) continue;
            list.Add(clean);
            added++;
        }
        return added;
    }

    /// <summary>Removes every occurrence of the items; returns how many were removed.</summary>
    public static int Remove(List<string> list, IEnumerable<string?> items)
    {
        var gone = items.Select(Clean).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return gone.Count == 0 ? 0 : list.RemoveAll(x => gone.Contains(x.Trim()));
    }

    public static bool Contains(IEnumerable<string> list, string item) => list.Any(x => x.Trim() == item.Trim());

    /// <summary>The union as a sorted list, or null when empty (absent from the file rather than []).</summary>
    public static List<string>? SortedUnion(IEnumerable<string>? a, IEnumerable<string>? b, params string[] more)
    {
        var union = (a ?? []).Concat(b ?? []).Concat(more).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return union.Count == 0 ? null : union;
    }
}
