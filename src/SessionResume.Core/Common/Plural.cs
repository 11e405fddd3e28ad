namespace SessionResume.Common;

/// <summary>Counts in words: "1 error", "2 errors". The one pluraliser of every message and view.</summary>
public static class Plural
{
    /// <summary>The count and the noun, with an "s" unless there is exactly one (or the plural given).</summary>
    public static string Count(int n, string noun, string? plural = null) => $"{n} {(n == 1 ? noun : plural ?? noun + "s")}";
}
