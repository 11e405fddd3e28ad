namespace SessionResume.Config;

/// <summary>Which known key an unknown one was probably meant to be, so the warning can say "did you mean".</summary>
internal static class KeySuggestion
{
    const string PropertyPrefix = "SessionResume";

    public static string? For(string unknownKey)
    {
        // The same words in another spelling: the MSBuild property name, camelCase, kebab-case, capitals.
        var squashed = Squash(unknownKey);
        foreach (var setting in SettingTable.All)
            if (squashed == Squash(setting.Key) || squashed == Squash(setting.Property)
                || squashed == Squash(setting.Property[PropertyPrefix.Length..]))
                return setting.Key;

        // Otherwise a typo: the nearest key, if only a few letters are off (fewer for short keys, where a
        // few letters make another word).
        if (unknownKey.Length > 64) return null;
        var lower = unknownKey.ToLowerInvariant();
        var allowed = Math.Clamp(lower.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var setting in SettingTable.All)
        {
            var distance = EditDistance(lower, setting.Key);
            if (distance <= allowed && distance < bestDistance) (best, bestDistance) = (setting.Key, distance);
        }
        return best;
    }

    static string Squash(string key) =>
        string.Concat(key.Where(c => c is not ('_' or '-' or ' ' or '.')).Select(char.ToLowerInvariant));

    /// <summary>
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours
    /// ("histroy") cost 1.
    /// </summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
