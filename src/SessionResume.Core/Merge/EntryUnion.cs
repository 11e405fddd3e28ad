using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// One error or warning entry known to both state files, made one. Counts are not summed (the two
/// files may share history): attempts is the higher, first seen the earlier, last seen the later;
/// where and how it is reported now comes from the side that saw it last.
/// </summary>
static class EntryUnion
{
    const int MaxOtherLines = 20;

    public static void Unite(ErrorEntry known, ErrorEntry other, string label)
    {
        var previousFingerprint = known.Fingerprint;
        if (Recency.Newer(other.LastSeen, known.LastSeen))
        {
            known.Fingerprint = other.Fingerprint;
            known.File = other.File;
            known.Line = other.Line;
            known.Column = other.Column;
            known.Error = other.Error;
            known.Code = other.Code;
            known.Source = other.Source ?? known.Source;
        }
        known.Aliases = ErrorIdentity.Aliases(known.Fingerprint, known.Aliases, other.Aliases, previousFingerprint, other.Fingerprint);
        known.Attempts = Math.Max(known.Attempts, other.Attempts);
        if (Recency.Earlier(other.FirstSeen, known.FirstSeen)) known.FirstSeenSession = other.FirstSeenSession ?? known.FirstSeenSession;
        else known.FirstSeenSession ??= other.FirstSeenSession;
        known.FirstSeen = Recency.Earliest(known.FirstSeen, other.FirstSeen);
        known.LastSeen = Recency.Latest(known.LastSeen, other.LastSeen);
        known.TargetFrameworks = TextList.SortedUnion(known.TargetFrameworks, other.TargetFrameworks) ?? [];
        var otherLines = (known.OtherLines ?? []).Concat(other.OtherLines ?? [])
            .Where(l => l != known.Line).Distinct().Order().Take(MaxOtherLines).ToList();
        known.OtherLines = otherLines.Count == 0 ? null : otherLines;
        known.Occurrences = Math.Max(known.Occurrences ?? 0, other.Occurrences ?? 0) is > 0 and var occurrences ? occurrences : null;
        known.SeenBefore ??= other.SeenBefore;
        known.SeenIn = TextList.SortedUnion(known.SeenIn, other.SeenIn, label);
        known.Extra = ExtraKeys.Unite(known.Extra, other.Extra);
    }

    /// <summary>An entry only the input has, taken over with the label of the file it came from.</summary>
    public static ErrorEntry Adopt(ErrorEntry entry, string label)
    {
        entry.SeenIn = TextList.SortedUnion(entry.SeenIn, null, label);
        return entry;
    }
}
