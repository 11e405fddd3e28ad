
namespace SessionResume.Lifecycle;

/// <summary>
/// Session ids (sess_YYYYMMDD_NNN) and the archive file names made from them. Parsed by hand, not
/// with a regex: \d would also accept non-ASCII digits, and these names are compared as numbers.
/// </summary>
public static class SessionIdFormat
{
    public const string Prefix = "sess_";
    public const string PlainExtension = ".json";
    public const string CompressedExtension = ".json.gz";
    const int DayDigits = 8;
    const int MinCountDigits = 3;

    /// <summary>sess_, eight ASCII digits, _, then at least three ASCII digits (more once a day has 1,000 sessions).</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = id.AsSpan(Prefix.Length);
        return rest.Length >= DayDigits + 1 + MinCountDigits
            && AllAsciiDigits(rest[..DayDigits])
            && rest[DayDigits] == '_'
            && AllAsciiDigits(rest[(DayDigits + 1)..]);
    }

    /// <summary>The session id of an archive file name (sess_….json or sess_….json.gz); false for any other name.</summary>
    public static bool TryParseFileName(string fileName, out string id, out bool compressed)
    {
        compressed = fileName.EndsWith(CompressedExtension, StringComparison.Ordinal);
        var extension = compressed ? CompressedExtension : PlainExtension;
        id = fileName.EndsWith(extension, StringComparison.Ordinal) ? fileName[..^extension.Length] : "";
        return IsValid(id);
    }

    /// <summary>
    /// Newest first: the later day first, then the higher count, compared as a number so that
    /// _1000 is newer than _999. Equal numbers written differently (_0999, _999) fall back to the
    /// text, so the order is always the same.
    /// </summary>
    public static readonly IComparer<string> NewestFirst = Comparer<string>.Create((a, b) => CompareOldestFirst(b, a));

    static int CompareOldestFirst(string a, string b)
    {
        var byDay = string.CompareOrdinal(Day(a), Day(b));
        if (byDay != 0) return byDay;
        var countA = Count(a).TrimStart('0');
        var countB = Count(b).TrimStart('0');
        if (countA.Length != countB.Length) return countA.Length.CompareTo(countB.Length);
        var byCount = countA.SequenceCompareTo(countB);
        return byCount != 0 ? byCount : string.CompareOrdinal(a, b);
    }

    static string Day(string id) => id.Substring(Prefix.Length, DayDigits);
    static ReadOnlySpan<char> Count(string id) => id.AsSpan(Prefix.Length + DayDigits + 1);

    static bool AllAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
