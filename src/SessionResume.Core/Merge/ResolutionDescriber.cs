using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Says what changed at the place of a problem that is gone: the offending line before and after,
/// or that the line is unchanged and the fix was elsewhere, or that the file went away.
/// </summary>
public static class ResolutionDescriber
{
    const int SearchWindow = 10;

    public static string Describe(ErrorEntry entry, ISourceText sources)
    {
        var lines = sources.Lines(entry.File);
        if (lines is null)
            return entry.File.StartsWith('{') ? "No longer reported by the compiler." : $"{entry.File} was deleted or renamed.";
        var now = FileSourceText.Line(lines, entry.Line)?.Trim();
        if (entry.Source is null)
            return now is null ? $"Line {entry.Line} was removed." : $"No longer reported; line {entry.Line} is now: {Quote(now)}.";
        if (now is null) return $"Line {entry.Line} ({Quote(entry.Source)}) was removed.";
        if (now == entry.Source) return $"Line {entry.Line} unchanged ({Quote(now)}); fixed by a change elsewhere.";
        var moved = FindNearby(lines, entry.Line, entry.Source);
        if (moved > 0) return $"Line {entry.Line} unchanged, now line {moved} ({Quote(entry.Source)}); fixed by a change elsewhere.";
        return $"Line {entry.Line} changed from {Quote(entry.Source)} to {Quote(now)}.";
    }

    static int FindNearby(IReadOnlyList<string> lines, int line, string text)
    {
        for (var distance = 1; distance <= SearchWindow; distance++)
            foreach (var candidate in new[] { line + distance, line - distance })
                if (FileSourceText.Line(lines, candidate)?.Trim() == text) return candidate;
        return 0;
    }

    static string Quote(string text) => "`" + Text.Shorten(text, 120) + "`";
}
