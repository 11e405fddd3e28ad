using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>All reports of one fingerprint in one compile, collapsed into one (lines in order).</summary>
sealed record ObservedProblem(BuildDiagnostic First, IReadOnlyList<int> Lines)
{
    public string Fingerprint => First.Fingerprint;
    public DiagnosticPhase Phase => First.Phase;

    /// <summary>What an entry says of the problem as reported now: its place, code, message and count.</summary>
    public void Describe(ErrorEntry entry)
    {
        entry.File = First.File;
        entry.Line = First.Line;
        entry.Column = First.Column;
        entry.Code = First.Code;
        entry.Error = Text.Shorten(Text.Clean(First.Message), 500);
        entry.Occurrences = Lines.Count;
    }

    public static List<ObservedProblem> Group(IEnumerable<BuildDiagnostic> diagnostics) =>
        diagnostics
            .GroupBy(d => d.Fingerprint, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
                return new ObservedProblem(ordered[0], ordered.Select(d => d.Line).Distinct().ToList());
            })
            .OrderBy(o => o.First.File, StringComparer.Ordinal)
            .ThenBy(o => o.First.Line)
            .ThenBy(o => o.First.Code, StringComparer.Ordinal)
            .ThenBy(o => o.Fingerprint, StringComparer.Ordinal)
            .ToList();
}
