namespace SessionResume.Merge;

/// <summary>Comparisons of times that may be unknown (null): an unknown time is never "newer".</summary>
static class Recency
{
    /// <summary>
    /// True only when both times are known and <paramref name="observed"/> is strictly earlier than
    /// <paramref name="fixedAt"/>. An unknown time never hides a problem.
    /// </summary>
    public static bool KnownBefore(DateTime? observed, DateTime? fixedAt) =>
        observed is { } o && fixedAt is { } f && o < f;

    /// <summary>True when <paramref name="candidate"/> is later than <paramref name="current"/>; ties keep the current.</summary>
    public static bool Newer(DateTime? candidate, DateTime? current) =>
        candidate is { } c && (current is not { } k || c > k);

    /// <summary>True when <paramref name="candidate"/> is earlier than <paramref name="current"/>; ties keep the current.</summary>
    public static bool Earlier(DateTime? candidate, DateTime? current) =>
        candidate is { } c && (current is not { } k || c < k);

    public static DateTime? Earliest(DateTime? a, DateTime? b) => Earlier(b, a) ? b : a;

    public static DateTime? Latest(DateTime? a, DateTime? b) => Newer(b, a) ? b : a;
}
